using System;
using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What happened on one router: the status, each change's result, and what still differs afterwards.</summary>
public sealed class ConfigurationOutcome
{
    internal ConfigurationOutcome(string computerName, ConfigurationStatus status, ConfigurationPlan? plan, IReadOnlyList<ChangeResult> results,
        ConfigurationPlan? remaining, SafeModeResult safeMode, Exception? error, DateTimeOffset startedAt, TimeSpan duration)
    {
        ComputerName = computerName;
        Status = status;
        Plan = plan;
        Results = results;
        Remaining = remaining;
        SafeMode = safeMode;
        Error = error;
        StartedAt = startedAt;
        Duration = duration;
    }

    public string ComputerName { get; }

    public ConfigurationStatus Status { get; }

    /// <summary>The plan the changes came from; null when the router could not be read.</summary>
    public ConfigurationPlan? Plan { get; }

    /// <summary>One result per approved change, in execution order.</summary>
    public IReadOnlyList<ChangeResult> Results { get; }

    public IEnumerable<ConfigurationChange> AppliedChanges => Results.Where(r => r.Succeeded).Select(r => r.Change);

    /// <summary>What the verification re-read still finds different (unapproved changes included); null when it was not run.</summary>
    public ConfigurationPlan? Remaining { get; }

    public SafeModeResult SafeMode { get; }

    /// <summary>Why the router failed or was rolled back, when one thing explains it; per-change errors are in <see cref="Results"/>.</summary>
    public Exception? Error { get; }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Duration { get; }
}
