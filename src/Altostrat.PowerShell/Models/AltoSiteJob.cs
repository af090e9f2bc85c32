using System;

namespace Altostrat.PowerShell;

/// <summary>A script queued for asynchronous execution on one site.</summary>
public sealed class AltoSiteJob
{
    public string SiteId { get; set; } = "";
    public string? RequestId { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public DateTimeOffset? AcceptedAt { get; set; }
    public Uri? NotifyUrl { get; set; }
    public string Description { get; set; } = "";

    public override string ToString() => $"{SiteId}: {RequestId}";
}
