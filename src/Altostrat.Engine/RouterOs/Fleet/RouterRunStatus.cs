namespace Altostrat.Engine.RouterOs.Fleet;

public enum RouterRunStatus
{
    Succeeded,
    Failed,
    /// <summary>Not run: the router appeared earlier in the same run.</summary>
    Skipped,

    /// <summary>Run under safe mode and undone: the script failed and was unrolled, or the connection ended before the release and the router rolled back.</summary>
    RolledBack,
}
