using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.PowerShell.Routers;

/// <summary>The router sessions opened in this PowerShell process, as Get-AltoRouterSession lists them.</summary>
internal static class RouterSessions
{
    private static readonly ConcurrentDictionary<int, AltoRouterSession> Open = new();
    private static int _lastId;

    public static AltoRouterSession Add(string computerName, RouterConnection connection)
    {
        var session = new AltoRouterSession(Interlocked.Increment(ref _lastId), computerName, connection);
        Open[session.Id] = session;
        return session;
    }

    public static IReadOnlyList<AltoRouterSession> All() => Open.Values.OrderBy(s => s.Id).ToList();

    public static bool TryGet(int id, out AltoRouterSession session) => Open.TryGetValue(id, out session!);

    public static void Close(AltoRouterSession session)
    {
        Open.TryRemove(session.Id, out _);
        session.Connection.Dispose();
    }

    /// <summary>Closes every session (sockets, read loops, timers): when the module is removed nothing may outlive it.</summary>
    public static void CloseAll()
    {
        foreach (var session in All()) Close(session);
    }
}
