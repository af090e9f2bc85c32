using System;

namespace Altostrat.Engine.Http;

/// <summary>How often and how long to back off on throttling and transient failures.</summary>
public sealed class RetryPolicy
{
    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The backoff ceiling of the first retry; each later retry doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest Retry-After the client waits for; a longer one ends the retries and the 429 is reported.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Full jitter: a random delay between zero and the exponential ceiling, so that many clients throttled at once
    /// do not come back at once. <paramref name="unitRandom"/> is a number in [0, 1).
    /// </summary>
    public TimeSpan BackoffDelay(int retryNumber, double unitRandom)
    {
        var exponent = Math.Min(retryNumber - 1, 20);
        var ceilingMs = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceilingMs * unitRandom);
    }
}
