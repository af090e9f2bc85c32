using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Tests.Support;

/// <summary>A read-only stream that hands out its bytes in chosen pieces, as TCP may: to split words and length prefixes across reads.</summary>
public sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly Queue<int> _chunks;
    private int _position;

    /// <param name="chunkSizes">Sizes of the successive reads; once used up, the rest comes in one read.</param>
    public ChunkedStream(byte[] data, params int[] chunkSizes)
    {
        _data = data;
        _chunks = new Queue<int>(chunkSizes);
    }

    /// <summary>One byte per read.</summary>
    public static ChunkedStream ByteByByte(byte[] data)
    {
        var sizes = new int[data.Length];
        Array.Fill(sizes, 1);
        return new ChunkedStream(data, sizes);
    }

    public int ReadCount { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ReadCount++;
        var available = _data.Length - _position;
        if (available == 0) return 0;
        var size = _chunks.Count > 0 ? _chunks.Dequeue() : available;
        size = Math.Min(Math.Min(size, available), count);
        Buffer.BlockCopy(_data, _position, buffer, offset, size);
        _position += size;
        return size;
    }

    // Completes synchronously, so a whole read runs on the caller's thread (the fuzz test counts that thread's allocations).
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
