namespace Altostrat.PowerShell;

public enum RouterScriptStatus
{
    Succeeded,
    Failed,
    /// <summary>Not run: the router was listed more than once, and ran once.</summary>
    Skipped,
}
