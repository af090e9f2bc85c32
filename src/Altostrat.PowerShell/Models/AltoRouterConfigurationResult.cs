using System;

namespace Altostrat.PowerShell;

/// <summary>What Set-AltoRouterConfiguration did on one router.</summary>
public sealed class AltoRouterConfigurationResult
{
    public string ComputerName { get; set; } = "";

    public RouterConfigurationStatus Status { get; set; }

    /// <summary>The changes applied (and kept).</summary>
    public AltoConfigurationChange[] Changes { get; set; } = Array.Empty<AltoConfigurationChange>();

    /// <summary>
    /// Changes that were applied and then undone when safe mode rolled back (Status RolledBack): by the router when the
    /// session dropped, for instance because one of them cut the module off, or by the module after another change failed.
    /// </summary>
    public AltoConfigurationChange[] RolledBackChanges { get; set; } = Array.Empty<AltoConfigurationChange>();

    /// <summary>Changes that were refused or not run, each with its error.</summary>
    public AltoConfigurationChange[] FailedChanges { get; set; } = Array.Empty<AltoConfigurationChange>();

    /// <summary>What still differs after the run, as re-read from the router (empty when it converged).</summary>
    public AltoConfigurationChange[] Remaining { get; set; } = Array.Empty<AltoConfigurationChange>();

    public SafeModeOutcome SafeMode { get; set; }

    public string? Error { get; set; }

    public TimeSpan Duration { get; set; }

    public DateTime StartedAt { get; set; }

    public override string ToString() => $"{ComputerName}: {Status} ({Changes.Length} change(s))";
}
