using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using Altostrat.Engine.Text;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// Reads sentences from a stream. Bytes land in one pooled buffer that is refilled as TCP delivers them, so a word
/// or a length prefix split across reads is simply completed by the next read; words are decoded straight from the
/// buffer (the only allocations are the strings and the sentence itself). A length prefix is trusted only up to
/// <see cref="ProtocolLimits"/>, and the buffer grows with the bytes that actually arrived, never with what a prefix
/// claims. One reader per stream, one read at a time.
/// </summary>
public sealed class SentenceReader : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;
    private const int ShrinkAbove = 1024 * 1024;

    private readonly Stream _stream;
    private readonly ProtocolLimits _limits;
    private readonly RecentStrings _names = new(maxLength: 64);
    // Values repeat less than names, but most rows share their flags and many of their settings (false, ether1, input).
    private readonly RecentStrings _values = new(maxLength: 24);
    private byte[] _buffer;
    private int _start;
    private int _end;
    // Bytes the word at _start needs, prefix included, once its prefix is known; caps how far the buffer grows.
    private int _pendingWordSize;

    // The sentence being assembled; it may span several reads.
    private string? _command;
    private string? _tag;
    private int _tagNumber = -1;
    // Gathered here and kept as an exact array: a sentence lives as long as the row it is (a plan keeps its rows), so
    // a list's object and spare capacity per row were memory the collector copied for nothing.
    private readonly List<KeyValuePair<string, string>> _attributes = new();
    private List<string>? _queries;
    private List<string>? _otherWords;
    private long _sentenceBytes;

    public SentenceReader(Stream stream, ProtocolLimits? limits = null)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _limits = limits ?? ProtocolLimits.Default;
        _buffer = AllocateBuffer(InitialBufferSize);
    }

    /// <summary>
    /// The next sentence, or null when the stream ended cleanly between sentences. Throws
    /// <see cref="RouterProtocolException"/> for malformed input or a stream that ends mid-sentence.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public ValueTask<RouterSentence?> ReadSentenceAsync(CancellationToken cancellationToken = default)
    {
        // Most sentences of a large reply are already in the buffer: finish them without an async state machine.
        return TryReadSentence(out var sentence)
            ? new ValueTask<RouterSentence?>(sentence)
            : ReadSentenceSlowAsync(cancellationToken);
    }

    private async ValueTask<RouterSentence?> ReadSentenceSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await FillAsync(cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_command is null && _sentenceBytes == 0 && _start == _end) return null;
                throw new RouterProtocolException("The connection ended in the middle of a sentence.");
            }
            if (TryReadSentence(out var sentence)) return sentence;
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private bool TryReadSentence(out RouterSentence? sentence)
    {
        sentence = null;
        while (true)
        {
            if (!WordLength.TryRead(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), out var length, out var prefixLength))
            {
                _pendingWordSize = 0;
                return false;
            }
            if (length > _limits.MaxWordLength)
                throw new RouterProtocolException($"Received a word of {length} bytes; the limit is {_limits.MaxWordLength} bytes.");
            var size = prefixLength + length;
            if (_sentenceBytes + size > _limits.MaxSentenceLength)
                throw new RouterProtocolException($"Received a sentence longer than the limit of {_limits.MaxSentenceLength} bytes.");
            if (_end - _start < size)
            {
                _pendingWordSize = size;
                return false;
            }

            var offset = _start + prefixLength;
            _start += size;
            _sentenceBytes += size;
            if (length > 0)
            {
                AddWord(offset, length);
                continue;
            }

            if (_command is null)
            {
                // An empty sentence carries nothing; the protocol says to ignore it.
                _sentenceBytes = 0;
                continue;
            }
            sentence = TakeSentence();
            return true;
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private void AddWord(int offset, int length)
    {
        var buffer = _buffer;
        if (_command is null)
        {
            _command = _names.Get(buffer, offset, length);
            return;
        }

        switch (buffer[offset])
        {
            case (byte)'=':
                var separator = Array.IndexOf(buffer, (byte)'=', offset + 1, length - 1);
                if (separator < 0)
                    _attributes.Add(new KeyValuePair<string, string>(_names.Get(buffer, offset + 1, length - 1), string.Empty));
                else
                    _attributes.Add(new KeyValuePair<string, string>(
                        _names.Get(buffer, offset + 1, separator - offset - 1),
                        _values.Get(buffer, separator + 1, offset + length - separator - 1)));
                break;
            case (byte)'.' when length >= RouterSentence.TagPrefix.Length && new ReadOnlySpan<byte>(buffer, offset, RouterSentence.TagPrefix.Length).SequenceEqual(RouterSentence.TagPrefix):
                ReadTag(buffer, offset + RouterSentence.TagPrefix.Length, length - RouterSentence.TagPrefix.Length);
                break;
            case (byte)'?':
                (_queries ??= new List<string>()).Add(Encoding.UTF8.GetString(buffer, offset, length));
                break;
            default:
                (_otherWords ??= new List<string>()).Add(Encoding.UTF8.GetString(buffer, offset, length));
                break;
        }
    }

    [MethodImpl(HotPath.Optimize)]
    private RouterSentence TakeSentence()
    {
        var sentence = new RouterSentence(_command!, _tag, _tagNumber, _attributes.Count == 0 ? null : _attributes.ToArray(), _queries, _otherWords);
        _command = null;
        _tag = null;
        _tagNumber = -1;
        _attributes.Clear();
        _queries = null;
        _otherWords = null;
        _sentenceBytes = 0;
        if (_buffer.Length > ShrinkAbove && _start == _end) ReplaceBuffer(InitialBufferSize);
        return sentence;
    }

    // A plain number (as the engine's own tags are) becomes _tagNumber; any other tag is decoded as text.
    [MethodImpl(HotPath.Optimize)]
    private void ReadTag(byte[] buffer, int offset, int count)
    {
        var number = 0;
        var plain = count is > 0 and <= 9 && (count == 1 || buffer[offset] != (byte)'0');
        for (var i = 0; i < count && plain; i++)
        {
            var digit = buffer[offset + i] - (byte)'0';
            if (digit is < 0 or > 9) plain = false;
            else number = number * 10 + digit;
        }
        // A second .tag word replaces the first, whichever kind each is.
        _tagNumber = plain ? number : -1;
        _tag = plain ? null : Encoding.UTF8.GetString(buffer, offset, count);
    }

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // Full, so the pending word is longer than the buffer (its prefix fits in any buffer): grow by doubling,
            // never beyond that word, so memory follows the bytes received rather than the length claimed.
            var target = (int)Math.Min(Math.Max((long)_buffer.Length * 2, InitialBufferSize), Math.Max(_pendingWordSize, _buffer.Length + 1));
            ReplaceBuffer(target);
        }
        var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    private void ReplaceBuffer(int size)
    {
        var replacement = AllocateBuffer(size);
        Buffer.BlockCopy(_buffer, _start, replacement, 0, _end - _start);
        _end -= _start;
        _start = 0;
        ReleaseBuffer(_buffer);
        _buffer = replacement;
    }

    // Large buffers are allocated exactly: the pool rounds up to a power of two, which would double a 16 MiB word.
    private static byte[] AllocateBuffer(int size) => size <= ShrinkAbove ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    private static void ReleaseBuffer(byte[] buffer)
    {
        if (buffer.Length > 0 && buffer.Length <= ShrinkAbove) ArrayPool<byte>.Shared.Return(buffer);
    }

    public void Dispose() => ReleaseBuffer(Interlocked.Exchange(ref _buffer, Array.Empty<byte>()));
}
