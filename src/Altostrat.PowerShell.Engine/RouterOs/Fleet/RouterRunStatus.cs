namespace Altostrat.Engine.RouterOs.Fleet;

public enum RouterRunStatus
{
    Succeeded,
    Failed,
    /// <summary>Not run: the router appeared earlier in the same run.</summary>
    Skipped,
    /// <summary>Run under safe mode and undone: unrolled after the script failed, or rolled back by the router when the session dropped.</summary>
    RolledBack,
}
