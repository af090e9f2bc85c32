using System;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>How much a reader accepts before it calls the peer broken. A length prefix is never trusted beyond these.</summary>
public sealed class ProtocolLimits
{
    public const int DefaultMaxWordLength = 16 * 1024 * 1024;
    public const int DefaultMaxSentenceLength = 64 * 1024 * 1024;

    // Five times the largest lists seen on real routers (blocklists of about a million addresses), well within memory.
    public const int DefaultMaxReplyRows = 5_000_000;

    public static ProtocolLimits Default { get; } = new();

    public ProtocolLimits(int maxWordLength = DefaultMaxWordLength, int maxSentenceLength = DefaultMaxSentenceLength, int maxReplyRows = DefaultMaxReplyRows)
    {
        if (maxWordLength < 1) throw new ArgumentOutOfRangeException(nameof(maxWordLength), maxWordLength, "The word cap must be at least one byte.");
        if (maxSentenceLength < maxWordLength) throw new ArgumentOutOfRangeException(nameof(maxSentenceLength), maxSentenceLength, "The sentence cap cannot be below the word cap.");
        if (maxReplyRows < 1) throw new ArgumentOutOfRangeException(nameof(maxReplyRows), maxReplyRows, "The row cap must be at least one row.");
        MaxWordLength = maxWordLength;
        MaxSentenceLength = maxSentenceLength;
        MaxReplyRows = maxReplyRows;
    }

    /// <summary>The longest word accepted, in bytes (default 16 MiB).</summary>
    public int MaxWordLength { get; }

    /// <summary>The most bytes one sentence may take, prefixes included (default 64 MiB).</summary>
    public int MaxSentenceLength { get; }

    /// <summary>
    /// The most rows a reply may hold in the client at once (default 5,000,000): all of a reply collected whole, the
    /// rows of a streamed reply its reader has not taken yet. A router that sends without end must not take all of the
    /// client's memory.
    /// </summary>
    public int MaxReplyRows { get; }
}
