using System;

namespace Altostrat.Engine.Http;

/// <summary>Where the API is, how to authenticate, and how patient to be with it.</summary>
public sealed class AltoApiOptions
{
    public static readonly Uri DefaultApiUrl = new("https://v1.api.altostrat.io/");

    public Uri ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The bearer token. Held only here and in the Authorization header; never logged.</summary>
    public string? Token { get; set; }

    /// <summary>How long one attempt may take before it is abandoned (and retried where that is safe).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public RetryPolicy Retry { get; set; } = new();

    /// <summary>The largest single-object answer read (a backup's content is the largest the API gives); lists are streamed.</summary>
    public long MaxResponseBytes { get; set; } = AltoApiClient.DefaultMaxResponseBytes;

    /// <summary>Accept any TLS certificate. Only ever set by an explicit user opt-out.</summary>
    public bool SkipCertificateCheck { get; set; }
}
