namespace Altostrat.Engine.RouterOs.Fleet;

public enum RouterRunStatus
{
    Succeeded,
    Failed,
    /// <summary>Not run: the router appeared earlier in the same run.</summary>
    Skipped,
}
