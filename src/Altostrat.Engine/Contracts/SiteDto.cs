using System;

namespace Altostrat.Engine.Contracts;

/// <summary>A site (one router) as /site-minimal and /sites/{id} return it.</summary>
public sealed class SiteDto
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? SoftwareVersion { get; set; }
    public string? SerialNumber { get; set; }
    public string? Model { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public bool HasPulse { get; set; }
}
