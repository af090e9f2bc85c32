using System;

namespace Altostrat.PowerShell;

/// <summary>
/// A job of a site as the API lists it, with its state. SiteId, JobId and IdempotencyKey bind to Get-, Stop- and
/// Wait-AltoSiteJob; SiteId and Script to Invoke-AltoRouterScript (to queue a failed job again).
/// </summary>
public sealed class AltoSiteJobStatus
{
    public string SiteId { get; set; } = "";
    public string? JobId { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? Description { get; set; }
    public AltoSiteJobState State { get; set; }

    /// <summary><see cref="State"/> under the name the router results use (see <see cref="AltoScheduledScriptProgress.Status"/>).</summary>
    [System.Management.Automation.Hidden]
    public AltoSiteJobState Status => State;
    public bool ExpressExecute { get; set; }
    public bool NeedsAcknowledgement { get; set; }
    public bool MakeBackup { get; set; }
    public string? AssociatedBackup { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public Uri? LogUrl { get; set; }
    public string? Script { get; set; }

    public override string ToString() => $"{SiteId}: {JobId ?? IdempotencyKey} {State}";
}

/// <summary>Where a site job is: waiting to start (cancellable), running, or done; Cancelled once it is no longer listed.</summary>
public enum AltoSiteJobState
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
