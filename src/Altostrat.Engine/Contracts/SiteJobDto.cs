using System;

namespace Altostrat.Engine.Contracts;

/// <summary>A job of a site as GET /site/{siteId}/job lists it.</summary>
public sealed class SiteJobDto
{
    public string Id { get; set; } = "";
    public string SiteId { get; set; } = "";
    public string? IdempotencyKey { get; set; }
    public string? Description { get; set; }
    public bool ExpressExecute { get; set; }
    public bool NeedsAcknowledgement { get; set; }
    public bool ShouldBackup { get; set; }
    public string? AssociatedBackup { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? LogUrl { get; set; }
    public string? Script { get; set; }

    /// <summary>pending, running, completed or failed, from the timestamps.</summary>
    public SiteJobState State =>
        FailedAt is not null ? SiteJobState.Failed
        : CompletedAt is not null ? SiteJobState.Completed
        : StartedAt is not null ? SiteJobState.Running
        : SiteJobState.Pending;
}

public enum SiteJobState
{
    Pending,
    Running,
    Completed,
    Failed,
    /// <summary>No longer listed: cancelled (the API removes a cancelled job).</summary>
    Cancelled,
}
