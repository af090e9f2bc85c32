using System;
using System.Collections.Concurrent;
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
        Configuration = new RouterConfiguration(options.Identity);
        Processor = new RouterCommandProcessor(Configuration, options);
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

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

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
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            Interlocked.Increment(ref _connections);
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
