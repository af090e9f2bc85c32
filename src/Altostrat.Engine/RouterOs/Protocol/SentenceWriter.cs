using System;
using System.Buffers;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// Encodes words into one reusable buffer, so a sentence goes out in a single write. Attributes are encoded from
/// their name and value without building the <c>=name=value</c> string first. Not thread-safe: the connection
/// serializes writers.
/// </summary>
public sealed class SentenceWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    /// <summary>The bytes encoded so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => new(_buffer, 0, _length);

    [MethodImpl(HotPath.Optimize)]
    public SentenceWriter Word(string word)
    {
        if (word is null) throw new ArgumentNullException(nameof(word));
        var count = Utf8.GetByteCount(word);
        var position = Reserve(count);
        Utf8.GetBytes(word, 0, word.Length, _buffer, position);
        _length += count;
        return this;
    }

    /// <summary>Adds <c>=name=value</c>.</summary>
    public SentenceWriter Attribute(string name, string value) => Pair('=', name, value);

    /// <summary>Adds <c>.tag=value</c>.</summary>
    public SentenceWriter Tag(string tag) => Pair('.', "tag", tag);

    /// <summary>Adds <c>.tag=</c> and the number, without making a string of it.</summary>
    [MethodImpl(HotPath.Optimize)]
    public SentenceWriter Tag(int tag)
    {
        if (tag < 0) throw new ArgumentOutOfRangeException(nameof(tag), tag, "A numeric tag cannot be negative.");
        var digits = 1;
        for (var rest = tag / 10; rest > 0; rest /= 10) digits++;
        var prefix = RouterSentence.TagPrefix;
        var position = Reserve(prefix.Length + digits);
        foreach (var b in prefix) _buffer[position++] = b;
        for (var i = position + digits - 1; i >= position; i--, tag /= 10) _buffer[i] = (byte)('0' + tag % 10);
        _length += prefix.Length + digits;
        return this;
    }

    /// <summary>Writes the zero-length word that ends a sentence.</summary>
    [MethodImpl(HotPath.Optimize)]
    public SentenceWriter End()
    {
        Ensure(1);
        _buffer[_length++] = 0;
        return this;
    }

    /// <summary>Sends everything encoded so far and starts over.</summary>
    public async Task FlushAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = _length;
        _length = 0;
        await stream.WriteAsync(_buffer, 0, length, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets what was encoded and not flushed.</summary>
    public void Clear() => _length = 0;

    // Both "=name=value" and ".tag=value" are a lead character, the name, '=' and the value.
    [MethodImpl(HotPath.Optimize)]
    private SentenceWriter Pair(char lead, string name, string value)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        value ??= string.Empty;
        var nameBytes = Utf8.GetByteCount(name);
        var valueBytes = Utf8.GetByteCount(value);
        var count = 2 + nameBytes + valueBytes;
        var position = Reserve(count);
        _buffer[position++] = (byte)lead;
        position += Utf8.GetBytes(name, 0, name.Length, _buffer, position);
        _buffer[position++] = (byte)'=';
        Utf8.GetBytes(value, 0, value.Length, _buffer, position);
        _length += count;
        return this;
    }

    // Writes the length prefix for a word of `count` bytes and returns where the word's bytes go.
    private int Reserve(int count)
    {
        Ensure(WordLength.MaxPrefixLength + count);
        _length += WordLength.Write(count, new Span<byte>(_buffer, _length, WordLength.MaxPrefixLength));
        return _length;
    }

    [MethodImpl(HotPath.Optimize)]
    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
