namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>How a safe-mode change ended on the router.</summary>
public enum SafeModeResult
{
    /// <summary>Safe mode was not asked for.</summary>
    NotUsed,

    /// <summary>Released: the changes are kept.</summary>
    Released,

    /// <summary>Unrolled by the module (a change failed, or the run was stopped): the router undid every change since the take.</summary>
    Unrolled,

    /// <summary>The connection ended before the release: the router rolls everything back by itself.</summary>
    RolledBackByRouter,

    /// <summary>Safe mode could not be taken (nothing was changed), or the release or unroll was refused: the state is uncertain.</summary>
    Failed,
}
