using System;

namespace Altostrat.PowerShell;

/// <summary>A RouterOS script scheduled on a set of sites.</summary>
public sealed class AltoScheduledScript
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
    public ScheduledScriptStatus Status { get; set; }
    public DateTimeOffset? LaunchAt { get; set; }
    public string? TMinus { get; set; }
    public string[] SiteId { get; set; } = Array.Empty<string>();
    public string? TestSiteId { get; set; }
    public string Script { get; set; } = "";
    public string? Summary { get; set; }
    public bool MakeBackup { get; set; }
    public bool AbortIfOffline { get; set; }
    public string[] Notify { get; set; } = Array.Empty<string>();
    public string[] CompletedSiteId { get; set; } = Array.Empty<string>();
    public string[] FailedSiteId { get; set; } = Array.Empty<string>();
    public string[] PendingSiteId { get; set; } = Array.Empty<string>();
    public string? CreatedBy { get; set; }
    public DateTimeOffset? AuthorizedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public override string ToString() => Id;
}
