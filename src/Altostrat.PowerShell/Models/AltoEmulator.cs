using System;
using System.Security;
using Altostrat.Engine.Emulation;

namespace Altostrat.PowerShell;

/// <summary>A local SDX emulator that Start-AltoEmulator started in this PowerShell; Stop-AltoEmulator takes it.</summary>
public sealed class AltoEmulator
{
    // Typed as object so that no public member of this class exposes an engine type (the engine loads in isolation).
    private readonly object _process;

    internal AltoEmulator(EmulatorProcess process, SecureString token, AltoEmulatorRouter[] routers)
    {
        _process = process;
        ProcessId = process.ProcessId;
        ApiUrl = process.ApiUrl;
        Token = token;
        Routers = routers;
        DatabasePath = process.DatabasePath;
        StartedAt = process.StartedAt;
    }

    public int ProcessId { get; }

    public Uri ApiUrl { get; }

    /// <summary>The token it accepts, made up for this start: Connect-Altostrat -ApiUrl $e.ApiUrl -Token $e.Token.</summary>
    public SecureString Token { get; }

    /// <summary>Each site's simulated router.</summary>
    public AltoEmulatorRouter[] Routers { get; }

    /// <summary>The SQLite file that keeps its state; empty when the state lives in memory and ends with it.</summary>
    public string? DatabasePath { get; }

    public DateTimeOffset StartedAt { get; }

    public bool Running => !Process.HasExited;

    internal EmulatorProcess Process => (EmulatorProcess)_process;

    /// <summary>Whether a connection to <paramref name="apiUrl"/> reaches this emulator: its port on the loopback, however the host is written.</summary>
    internal bool Serves(Uri apiUrl) =>
        apiUrl.Port == ApiUrl.Port && apiUrl.Scheme == ApiUrl.Scheme && Sdx.ConnectionManager.IsLoopback(apiUrl);

    public override string ToString() => ApiUrl.ToString();
}
