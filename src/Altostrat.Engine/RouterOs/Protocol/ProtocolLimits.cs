using System;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>How much a reader accepts before it calls the peer broken. A length prefix is never trusted beyond these.</summary>
public sealed class ProtocolLimits
{
    public const int DefaultMaxWordLength = 16 * 1024 * 1024;
    public const int DefaultMaxSentenceLength = 64 * 1024 * 1024;

    public static ProtocolLimits Default { get; } = new();

    public ProtocolLimits(int maxWordLength = DefaultMaxWordLength, int maxSentenceLength = DefaultMaxSentenceLength)
    {
        if (maxWordLength < 1) throw new ArgumentOutOfRangeException(nameof(maxWordLength), maxWordLength, "The word cap must be at least one byte.");
        if (maxSentenceLength < maxWordLength) throw new ArgumentOutOfRangeException(nameof(maxSentenceLength), maxSentenceLength, "The sentence cap cannot be below the word cap.");
        MaxWordLength = maxWordLength;
        MaxSentenceLength = maxSentenceLength;
    }

    /// <summary>The longest word accepted, in bytes (default 16 MiB).</summary>
    public int MaxWordLength { get; }

    /// <summary>The most bytes one sentence may take, prefixes included (default 64 MiB).</summary>
    public int MaxSentenceLength { get; }
}
