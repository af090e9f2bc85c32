namespace Altostrat.Engine.Emulation;

public enum EmulatorStartProblem
{
    /// <summary>The module folder has no emulator (a build of the module without it).</summary>
    NotInstalled,

    /// <summary>No <c>dotnet</c> host, or one without the ASP.NET Core runtime the emulator needs.</summary>
    RuntimeMissing,

    /// <summary>The port asked for is taken by another program.</summary>
    PortInUse,

    /// <summary>The emulator stopped before it listened (a database it cannot open...).</summary>
    Exited,

    /// <summary>It did not say it was listening within the time allowed.</summary>
    TimedOut,
}
