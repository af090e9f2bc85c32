using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace Altostrat.Engine.Emulation;

/// <summary>A running emulator that <see cref="EmulatorLauncher"/> started: where it listens, and how to stop it.</summary>
public sealed class EmulatorProcess : IDisposable
{
    /// <summary>How long a stop waits for the emulator to end by itself before it is ended.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private int _stopping;

    internal EmulatorProcess(Process process, Uri apiUrl, string token, IReadOnlyList<EmulatorRouter> routers, string? databasePath)
    {
        _process = process;
        ProcessId = process.Id;
        ApiUrl = apiUrl;
        Token = token;
        Routers = routers;
        DatabasePath = databasePath;
        StartedAt = DateTimeOffset.Now;
    }

    public int ProcessId { get; }

    public Uri ApiUrl { get; }

    /// <summary>The bearer token it accepts, made up for this start.</summary>
    public string Token { get; }

    public IReadOnlyList<EmulatorRouter> Routers { get; }

    public string? DatabasePath { get; }

    public DateTimeOffset StartedAt { get; }

    public bool HasExited
    {
        get
        {
            try { return _process.HasExited; }
            catch (InvalidOperationException) { return true; }
        }
    }

    /// <summary>
    /// Asks it to stop as Ctrl+C would (SIGTERM, so that a database file is closed cleanly), and ends it after
    /// <paramref name="grace"/> if it has not; Windows has no such signal, so there it is ended at once.
    /// </summary>
    /// <returns>False when it had already stopped.</returns>
    public bool Stop(TimeSpan grace)
    {
        // Once: module removal and Stop-AltoEmulator in another runspace may both get here.
        if (Interlocked.Exchange(ref _stopping, 1) == 1 || HasExited) return false;
        try
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && Terminate(ProcessId, 15) == 0 && _process.WaitForExit((int)grace.TotalMilliseconds))
                return true;
            try { _process.Kill(); }
            catch (System.ComponentModel.Win32Exception) { /* it is ending already (Windows says "access denied" then) */ }
            _process.WaitForExit((int)grace.TotalMilliseconds);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // it ended, or was let go, meanwhile
        }
    }

    /// <summary>Stops it if it still runs (see <see cref="Stop"/>), and lets the process handle go.</summary>
    public void Dispose()
    {
        Stop(StopGrace);
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int processId, int signal);
}
