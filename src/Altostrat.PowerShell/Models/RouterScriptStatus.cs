namespace Altostrat.PowerShell;

public enum RouterScriptStatus
{
    Succeeded,
    Failed,
    /// <summary>Not run: the router was listed more than once, and ran once.</summary>
    Skipped,
    /// <summary>Run with -SafeMode and undone: unrolled after the script failed, or rolled back by the router when the session dropped before the release.</summary>
    RolledBack,
}
