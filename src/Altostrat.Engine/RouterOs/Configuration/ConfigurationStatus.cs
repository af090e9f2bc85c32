namespace Altostrat.Engine.RouterOs.Configuration;

public enum ConfigurationStatus
{
    /// <summary>Nothing was written: the router matched, or no change was approved.</summary>
    Unchanged,

    /// <summary>The approved changes were applied (and kept, under safe mode) and the router converged.</summary>
    Changed,

    /// <summary>Something failed: a change was refused, the router did not converge, or the router could not be read.</summary>
    Failed,

    /// <summary>Under safe mode the changes were undone: unrolled after a failure, or rolled back by the router when the connection ended before the release.</summary>
    RolledBack,
}
