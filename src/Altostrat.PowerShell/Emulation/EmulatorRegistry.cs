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

    /// <summary>
    /// The emulator the session is connected to, when it has ended by itself (killed from outside) and no other of this
    /// session's emulators runs at its address now; null otherwise.
    /// </summary>
    public static AltoEmulator? EndedUnderSession()
    {
        if (SessionUrl() is not { } url) return null;
        lock (Gate) return RunsAt(url) ? null : Started.FirstOrDefault(e => e.Serves(url) && !e.Running);
    }

    /// <summary>
    /// Stops it (see <see cref="EmulatorProcess.Stop"/>) and forgets it. A session connected to it is disconnected, as
    /// Disconnect-Altostrat would, unless another emulator of this session runs at that address: it would otherwise
    /// keep sending requests, and the token, to a port another program may take next.
    /// </summary>
    /// <returns>False when it had stopped already.</returns>
    public static bool Stop(AltoEmulator emulator)
    {
        bool releasesSession;
        // Out of the list first, so that a stop from another runspace (module removal) does not take it up as well.
        lock (Gate)
        {
            Started.Remove(emulator);
            releasesSession = SessionUrl() is { } url && emulator.Serves(url) && !RunsAt(url);
        }
        if (releasesSession) ConnectionManager.Disconnect();
        var stopped = emulator.Process.Stop(EmulatorProcess.StopGrace);
        emulator.Process.Dispose();
        return stopped;
    }

    private static Uri? SessionUrl() => ConnectionManager.Current?.Session.Options.ApiUrl;

    // Whether one of the emulators still listed runs where the URL leads; called under the gate.
    private static bool RunsAt(Uri url) => Started.Any(e => e.Serves(url) && e.Running);

    public static void StopAll()
    {
        List<AltoEmulator> all;
        lock (Gate) all = Started.ToList();
        foreach (var emulator in all) Stop(emulator);
    }
}
