using System;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.Engine.RouterOs.Fleet;

/// <summary>What happened on one router.</summary>
public sealed class RouterRunOutcome
{
    public RouterRunOutcome(string computerName, RouterRunStatus status, Exception? error, string? backupName, DateTimeOffset startedAt, TimeSpan duration,
        SafeModeResult safeMode = SafeModeResult.NotUsed)
    {
        SafeMode = safeMode;
        ComputerName = computerName;
        Status = status;
        Error = error;
        BackupName = backupName;
        StartedAt = startedAt;
        Duration = duration;
    }

    public string ComputerName { get; }

    public RouterRunStatus Status { get; }

    /// <summary>Why it failed or was skipped; null on success.</summary>
    public Exception? Error { get; }

    public string? BackupName { get; }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Duration { get; }

    /// <summary>How safe mode ended when the run asked for it: released (kept), unrolled or rolled back by the router (undone), or failed.</summary>
    public SafeModeResult SafeMode { get; }

    /// <summary>The outcome for a router listed more than once: skipped, as <paramref name="what"/> happened once.</summary>
    public static RouterRunOutcome Repeat(string computerName, string what) =>
        new(computerName, RouterRunStatus.Skipped, new InvalidOperationException($"{computerName} was listed more than once; {what}."), null, DateTimeOffset.Now, TimeSpan.Zero);
}
