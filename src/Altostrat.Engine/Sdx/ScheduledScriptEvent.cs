using System;
using Altostrat.Engine.Contracts;

namespace Altostrat.Engine.Sdx;

/// <summary>One scheduled script's state in one round of <see cref="ScheduledScriptWatcher.WaitForSitesAsync"/>.</summary>
public sealed class ScheduledScriptEvent
{
    public ScheduledScriptEvent(string id, ScheduledScriptEventKind kind, ScriptProgressDto? progress, string? status, Exception? error,
        DateTimeOffset? launchAt = null)
    {
        Id = id;
        Kind = kind;
        Progress = progress;
        Status = status;
        Error = error;
        LaunchAt = launchAt;
    }

    public string Id { get; }
    public ScheduledScriptEventKind Kind { get; }

    /// <summary>Null only for <see cref="ScheduledScriptEventKind.Failed"/>.</summary>
    public ScriptProgressDto? Progress { get; }

    /// <summary>The script's status as the API spells it, when the round read it (pending scripts only).</summary>
    public string? Status { get; }

    public Exception? Error { get; }

    /// <summary>When the script is to launch, when the round read its status.</summary>
    public DateTimeOffset? LaunchAt { get; }

    /// <summary>True when the script waits for an approval and its launch time has passed: waiting alone will not start it.</summary>
    public bool IsUnauthorizedPastLaunch(DateTimeOffset now) =>
        string.Equals(Status, "unauthorized", StringComparison.OrdinalIgnoreCase) && LaunchAt is { } launch && launch <= now;

    public int Total => Progress is null ? 0 : Progress.Completed.Count + Progress.Failed.Count + Progress.Pending.Count;

    public int Done => Progress is null ? 0 : Progress.Completed.Count + Progress.Failed.Count;
}
