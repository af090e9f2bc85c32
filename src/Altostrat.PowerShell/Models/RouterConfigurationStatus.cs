namespace Altostrat.PowerShell;

/// <summary>How Set-AltoRouterConfiguration ended on one router.</summary>
public enum RouterConfigurationStatus
{
    /// <summary>Nothing was written: the router matched the document, or no change was approved.</summary>
    Unchanged,

    /// <summary>The approved changes were applied and the router converged.</summary>
    Changed,

    /// <summary>A change was refused, the router did not converge, or it could not be reached or read.</summary>
    Failed,

    /// <summary>Under -SafeMode the changes were undone (unrolled after a failure, or rolled back by the router when the session dropped).</summary>
    RolledBack,
}
