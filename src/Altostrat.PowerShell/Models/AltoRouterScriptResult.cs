using System;

namespace Altostrat.PowerShell;

/// <summary>What happened when a script ran directly on one router.</summary>
public sealed class AltoRouterScriptResult
{
    /// <summary>The name as given (with its port when one was given), so failed results pipe straight back in.</summary>
    public string ComputerName { get; set; } = "";
    public RouterScriptStatus Status { get; set; }
    public string? Error { get; set; }
    public string? BackupName { get; set; }
    public TimeSpan Duration { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>With -SafeMode: Released (kept), Unrolled or RolledBackByRouter (undone), Failed; NotUsed otherwise.</summary>
    public SafeModeOutcome SafeMode { get; set; }

    public override string ToString() => $"{ComputerName}: {Status}";
}
