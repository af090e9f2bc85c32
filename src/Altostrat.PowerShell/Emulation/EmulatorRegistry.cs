using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Altostrat.Engine.Emulation;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Emulation;

/// <summary>
/// The emulators this PowerShell started: what Stop-AltoEmulator stops when it is given none, and what removing the
/// module stops. Each also ends with the PowerShell process (it is started with --exit-with).
/// </summary>
internal static class EmulatorRegistry
{
    private static readonly object Gate = new();
    private static readonly List<AltoEmulator> Started = new();

    /// <summary>Where the module keeps the emulator: its emulator folder, beside the cmdlets' assembly.</summary>
    public static string PackagedEmulatorDll =>
        Path.Combine(Path.GetDirectoryName(typeof(EmulatorRegistry).Assembly.Location)!, "emulator", "Altostrat.Emulator.dll");

    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public static AltoEmulator Add(EmulatorProcess process)
    {
        var routers = process.Routers.Select(r => new AltoEmulatorRouter(r.SiteId, r.Host, r.Port)).ToArray();
        var emulator = new AltoEmulator(process, SecureStrings.FromPlainText(process.Token), routers);
        List<AltoEmulator> superseded;
        lock (Gate)
        {
            // One that ended by itself on the port this one now holds is no longer what that port means.
            superseded = Started.Where(e => !e.Running && e.ApiUrl.Port == emulator.ApiUrl.Port).ToList();
            foreach (var old in superseded) Started.Remove(old);
            Started.Add(emulator);
        }
        foreach (var old in superseded) old.Process.Dispose();
        return emulator;
    }

    /// <summary>Every one started and not stopped by Stop-AltoEmulator, oldest first: those that ended by themselves too.</summary>
    public static IReadOnlyList<AltoEmulator> All()
    {
        lock (Gate) return Started.ToList();
    }

    /// <summary>The emulator of this session that <paramref name="apiUrl"/> reached, when it has ended by itself and none runs there now; null otherwise.</summary>
    public static AltoEmulator? EndedAt(Uri apiUrl)
    {
        lock (Gate)
            return Started.Any(e => e.Serves(apiUrl) && e.Running) ? null : Started.FirstOrDefault(e => e.Serves(apiUrl) && !e.Running);
    }

    /// <summary>Whether an emulator of this session other than <paramref name="except"/> runs where <paramref name="apiUrl"/> leads.</summary>
    public static bool AnotherRunsAt(Uri apiUrl, AltoEmulator except)
    {
        lock (Gate) return Started.Any(e => !ReferenceEquals(e, except) && e.Serves(apiUrl) && e.Running);
    }

    /// <returns>False when it had stopped already.</returns>
    public static bool Stop(AltoEmulator emulator)
    {
        // Out of the list first, so that a stop from another runspace (module removal) does not take it up as well.
        lock (Gate) Started.Remove(emulator);
        var stopped = emulator.Process.Stop(StopGrace);
        emulator.Process.Dispose();
        return stopped;
    }

    public static void StopAll()
    {
        List<AltoEmulator> all;
        lock (Gate) all = Started.ToList();
        foreach (var emulator in all) Stop(emulator);
    }
}
