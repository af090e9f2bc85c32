using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// One simulated router per emulated site. A launched scheduled script or a queued job really runs on the site's
/// router, through the engine's RouterOS client as the direct cmdlets use it, and its outcome is what progress shows.
/// </summary>
public sealed class SiteRouters : IDisposable
{
    public const string UserName = "admin";
    public const string Password = "";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, SimulatedRouter> _routers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public SiteRouters(IEnumerable<SiteRecord> sites, ISet<string> failingSites, int basePort, string version = SimulatedRouterOptions.DefaultVersion)
    {
        var offset = 0;
        foreach (var site in sites)
        {
            _routers[site.Id] = SimulatedRouter.Start(new SimulatedRouterOptions
            {
                Identity = site.Name,
                Port = basePort == 0 ? 0 : basePort + offset,
                UserName = UserName,
                Password = Password,
                FailScriptRuns = failingSites.Contains(site.Id),
                Version = version,
            });
            offset++;
        }
    }

    public IReadOnlyDictionary<string, SimulatedRouter> BySite => _routers;

    /// <summary>Runs <paramref name="script"/> on the site's router in the background and reports success or failure.</summary>
    public void RunInBackground(string siteId, string script, bool makeBackup, Action<bool> finished)
    {
        var task = Task.Run(async () =>
        {
            bool succeeded;
            try
            {
                succeeded = await RunAsync(siteId, script, makeBackup, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the emulator is stopping
            }
            finished(succeeded);
        });
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async Task<bool> RunAsync(string siteId, string script, bool makeBackup, CancellationToken cancellationToken)
    {
        if (!_routers.TryGetValue(siteId, out var router) || string.IsNullOrWhiteSpace(script)) return false;
        var endpoint = RouterEndpoint.ForAddress($"{router.Host}:{router.Port}", OptionsFor(router), UserName, Password);
        var outcome = await new RouterScriptJob(script, makeBackup, RunTimeout).RunAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return outcome.Status == RouterRunStatus.Succeeded;
    }

    /// <summary>Runs one command on the site's router and returns its reply rows; null when the site has no router.</summary>
    public async Task<RouterReply?> ExecuteAsync(string siteId, RouterCommand command, CancellationToken cancellationToken)
    {
        if (!_routers.TryGetValue(siteId, out var router)) return null;
        using var connection = await RouterConnection.ConnectAsync(OptionsFor(router), UserName, Password, cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(command, cancellationToken, RunTimeout).ConfigureAwait(false);
    }

    private static RouterConnectionOptions OptionsFor(SimulatedRouter router) => new(router.Host) { Port = router.Port };

    public void Dispose()
    {
        _stopping.Cancel();
        try { Task.WaitAll(_running.Keys.ToArray(), TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        foreach (var router in _routers.Values) router.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stopping.Dispose();
    }
}
