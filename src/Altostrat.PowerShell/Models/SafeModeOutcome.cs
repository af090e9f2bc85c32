namespace Altostrat.PowerShell;

/// <summary>What became of RouterOS safe mode for one router (-SafeMode).</summary>
public enum SafeModeOutcome
{
    /// <summary>-SafeMode was not given.</summary>
    NotUsed,

    /// <summary>Released: the changes are kept.</summary>
    Released,

    /// <summary>The module unrolled the changes (one failed, or the run was stopped).</summary>
    Unrolled,

    /// <summary>The session ended before the release, so the router rolled every change back by itself.</summary>
    RolledBackByRouter,

    /// <summary>Safe mode could not be taken (nothing was changed), or its release was refused.</summary>
    Failed,
}
