using System;
using System.Collections.Generic;

namespace Altostrat.Emulator;

/// <summary>How an emulator instance behaves. The defaults suit an interactive demo.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultToken = "alto-emulator-token";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token every request must carry.</summary>
    public string Token { get; set; } = DefaultToken;

    /// <summary>SQLite file for the state; null keeps it in memory for the life of the process.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>How many simulated sites to create in an empty database.</summary>
    public int SiteCount { get; set; } = 5;

    /// <summary>Sites whose scripts fail (by id). Empty: the emulator fails none.</summary>
    public ISet<string> FailingSites { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Approve a script this long after its authorization was requested; null waits for the control endpoint.</summary>
    public TimeSpan? AutoApproveAfter { get; set; }

    /// <summary>How long a launched script (or a queued job) stays pending on each site.</summary>
    public TimeSpan SiteRunDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the workflow advances (approve, launch, finish sites).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Keep every API request (method, path, body) for contract tests.</summary>
    public bool RecordRequests { get; set; }

    /// <summary>
    /// Whether Ctrl+C stops it (the default). Off when PowerShell started it (Start-AltoEmulator): that Ctrl+C is
    /// meant for a cmdlet, and the terminal sends it to the emulator too. SIGTERM stops it either way.
    /// </summary>
    public bool StopOnInterrupt { get; set; } = true;

    /// <summary>Per-request latency added before answering, to exercise clients' patience.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Give every site a simulated router (RouterOS API on loopback) on which launched scripts and jobs really run.
    /// Off by default for in-process tests that drive the workflow by the clock alone; the command line turns it on.
    /// </summary>
    public bool SimulateRouters { get; set; }

    /// <summary>The API port of the first site's router, the next site's one above it; 0 picks free ports.</summary>
    public int RouterBasePort { get; set; }

    /// <summary>
    /// The RouterOS version the simulated routers report and behave as (<c>!empty</c> and safe mode from 7.18):
    /// set an older one such as 7.16.1 to try a client against an older router.
    /// </summary>
    public string RouterVersion { get; set; } = Routers.SimulatedRouterOptions.DefaultVersion;

    /// <summary>How long a site takes to make a requested backup.</summary>
    public TimeSpan BackupDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a queued job waits before it starts (and can no longer be cancelled).</summary>
    public TimeSpan JobStartDelay { get; set; } = TimeSpan.Zero;
}
