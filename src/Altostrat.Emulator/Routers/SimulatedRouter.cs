using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Emulator.Routers;

/// <summary>A RouterOS API server on a loopback port with its own in-memory configuration. Start it, connect, dispose it.</summary>
public sealed class SimulatedRouter : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<RouterSession, byte> _sessions = new();
    private readonly Task _acceptLoop;
    private int _connections;

    private SimulatedRouter(SimulatedRouterOptions options, TcpListener listener)
    {
        Options = options;
        _listener = listener;
        Configuration = new RouterConfiguration(options.Identity, options.Version, options.UserName);
        Processor = new RouterCommandProcessor(Configuration, options);
        SafeMode = new SafeMode(Configuration);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public static SimulatedRouter Start(SimulatedRouterOptions options)
    {
        var listener = new TcpListener(IPAddress.Loopback, options.Port);
        listener.Start(512);
        return new SimulatedRouter(options, listener);
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public SimulatedRouterOptions Options { get; }

    public RouterConfiguration Configuration { get; }

    public RouterCommandProcessor Processor { get; }

    internal SafeMode SafeMode { get; }

    /// <summary>True while a session holds safe mode.</summary>
    public bool SafeModeTaken => SafeMode.Holder is not null;

    /// <summary>
    /// Whether a client can reach the API now. The simulated clients reach the router by its LAN address
    /// (<see cref="RouterConfiguration.ManagementAddress"/>) on the service's port: disabling the <c>api</c> service
    /// (<c>api-ssl</c> when serving TLS), moving it to another port, or removing or disabling that address cuts them
    /// off, as on a real router. An address restriction on the service is not simulated (every client is loopback).
    /// </summary>
    public bool IsReachable
    {
        get
        {
            lock (Configuration.Sync)
            {
                var serviceName = Options.Certificate is null ? "api" : "api-ssl";
                var defaultPort = Options.Certificate is null ? "8728" : "8729";
                var service = Configuration.Menu("/ip/service").Items.FirstOrDefault(s => s["name"] == serviceName);
                if (service is null || service["disabled"] == "true" || service["port"] != defaultPort) return false;
                return Configuration.Menu("/ip/address").Items.Any(a => a.TryGetValue("address", out var address)
                    && address == RouterConfiguration.ManagementAddress && !(a.TryGetValue("disabled", out var d) && d == "true"));
            }
        }
    }

    /// <summary>A change made the router unreachable: every API session drops, as the client's TCP connection would.</summary>
    internal void CutOffSessions()
    {
        foreach (var session in _sessions.Keys) session.Close();
    }

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Commands received on open connections and not yet answered (a test waits for them to be under way).</summary>
    public int CommandsInFlight => _sessions.Keys.Sum(s => s.CommandsInFlight);

    /// <summary>Connections open now.</summary>
    public int OpenSessions => _sessions.Count;

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            // Stopped: also before the loop's first accept, which then finds the listener stopped ("Not listening").
            // A router disposed right after it started (the script interpreter's tests) failed that way under load.
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException
                                       || (ex is InvalidOperationException && _stopping.IsCancellationRequested))
            {
                return;
            }
            client.NoDelay = true;
            Interlocked.Increment(ref _connections);
            if (!IsReachable)
            {
                // The service is off or the address is gone: the client gets no API, only a closed connection.
                client.Dispose();
                continue;
            }
            var session = new RouterSession(this, client, _stopping.Token);
            _sessions[session] = 0;
            _ = Task.Run(async () =>
            {
                try { await session.RunAsync().ConfigureAwait(false); }
                finally { _sessions.TryRemove(session, out _); }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var session in _sessions.Keys) session.Close();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
