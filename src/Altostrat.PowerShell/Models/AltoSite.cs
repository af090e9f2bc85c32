using System;

namespace Altostrat.PowerShell;

/// <summary>A site: one router managed through SDX.</summary>
public sealed class AltoSite
{
    public string SiteId { get; set; } = "";
    public string? Name { get; set; }
    public string? Model { get; set; }
    public string? SoftwareVersion { get; set; }
    public string? SerialNumber { get; set; }
    public bool HasPulse { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    public override string ToString() => SiteId;
}
