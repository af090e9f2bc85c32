using System;

namespace Altostrat.Engine.Emulation;

/// <summary>How to start the local SDX emulator that ships with the module (<see cref="EmulatorLauncher"/>).</summary>
public sealed class EmulatorStartOptions
{
    /// <param name="emulatorDll">The emulator's Altostrat.Emulator.dll, as the module folder holds it.</param>
    public EmulatorStartOptions(string emulatorDll)
    {
        EmulatorDll = emulatorDll ?? throw new ArgumentNullException(nameof(emulatorDll));
    }

    public string EmulatorDll { get; }

    /// <summary>The <c>dotnet</c> host to run it with; null finds one (<see cref="DotnetHost.Find"/>).</summary>
    public string? DotnetPath { get; set; }

    /// <summary>The API's port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; set; }

    public int SiteCount { get; set; } = 5;

    /// <summary>A SQLite file that keeps the emulator's state from one start to the next; null keeps it in memory.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>The RouterOS version the simulated routers report and behave as; null for the emulator's default.</summary>
    public string? RouterVersion { get; set; }

    /// <summary>The process whose end stops the emulator too; null leaves it running until it is stopped.</summary>
    public int? OwnerProcessId { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
