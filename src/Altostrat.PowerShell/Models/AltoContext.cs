using System;

namespace Altostrat.PowerShell;

/// <summary>The SDX connection in use. Says whether a token is set, never what it is.</summary>
public sealed class AltoContext
{
    public bool Connected { get; set; }
    public Uri? ApiUrl { get; set; }
    public bool TokenSet { get; set; }
    public string? TokenSource { get; set; }
    public bool IsLocal { get; set; }
    public bool SkipCertificateCheck { get; set; }
    public TimeSpan RequestTimeout { get; set; }
    public int MaximumRetryCount { get; set; }
    public DateTimeOffset? ConnectedAt { get; set; }
}
