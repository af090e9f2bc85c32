using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Engine.RouterOs.Protocol;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class FleetTests
{
    private const string Script = "/ip address\nadd address=10.77.0.1/24 interface=ether2 comment=\"from the fleet\"\n:log info done";

    private enum Kind { Healthy, FailingScript, Slow, Dropping, WrongPassword, Unreachable }

    private static Kind KindOf(int index) => (index % 10) switch
    {
        1 => Kind.FailingScript,
        2 => Kind.Slow,
        3 => Kind.Dropping,
        4 => Kind.WrongPassword,
        _ => Kind.Healthy,
    };

    [Fact]
    public async Task Every_router_of_a_troubled_fleet_of_200_gets_exactly_one_result()
    {
        var routers = new List<(SimulatedRouter Router, Kind Kind)>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var kind = KindOf(i);
                routers.Add((SimulatedRouter.Start(new SimulatedRouterOptions
                {
                    Identity = $"r{i}",
                    Password = kind == Kind.WrongPassword ? "different" : "pw",
                    FailScriptRuns = kind == Kind.FailingScript,
                    CommandLatency = kind == Kind.Slow ? TimeSpan.FromMilliseconds(80) : TimeSpan.Zero,
                    DropConnectionOn = kind == Kind.Dropping ? "/system/script/run" : null,
                }), kind));
            }
            // Distinct: the system may hand a just-closed port out again, and each router must be one result.
            var unreachable = new HashSet<int>();
            while (unreachable.Count < 10) unreachable.Add(ClosedPort());

            var endpoints = routers.Select(r => Endpoint($"127.0.0.1:{r.Router.Port}"))
                .Concat(unreachable.Select(port => Endpoint($"127.0.0.1:{port}"))).ToList();
            var outcomes = new ConcurrentBag<RouterRunOutcome>();
            var job = new RouterScriptJob(Script, makeBackup: true, timeout: TimeSpan.FromSeconds(30));

            await FleetRunner.RunAsync(endpoints, 32, async (endpoint, token) => outcomes.Add(await job.RunAsync(endpoint, token)), CancellationToken.None);

            Assert.Equal(210, outcomes.Count);
            var byName = outcomes.ToDictionary(o => o.ComputerName); // throws on a duplicate
            foreach (var (router, kind) in routers)
            {
                var outcome = byName[$"127.0.0.1:{router.Port}"];
                var scripts = router.Configuration.Menu("/system/script").Items;
                switch (kind)
                {
                    case Kind.Healthy or Kind.Slow:
                        Assert.True(outcome.Status == RouterRunStatus.Succeeded, $"{router.Options.Identity}: {outcome.Error}");
                        Assert.Equal(1, router.Processor.CompletedScriptRuns);
                        Assert.Contains(router.Configuration.Menu("/ip/address").Items, a => a["address"] == "10.77.0.1/24" && a["comment"] == "from the fleet");
                        Assert.Contains(router.Configuration.Menu("/file").Items, f => f["name"] == outcome.BackupName + ".backup");
                        Assert.Empty(scripts); // the temporary entry was removed
                        break;
                    case Kind.FailingScript:
                        Assert.Equal(RouterRunStatus.Failed, outcome.Status);
                        Assert.Equal(RouterTrapCategory.ScriptFailure, Assert.IsType<RouterTrapException>(outcome.Error).Category);
                        Assert.NotNull(outcome.BackupName); // the backup was made before the script failed
                        Assert.Empty(scripts);
                        break;
                    case Kind.Dropping:
                        Assert.Equal(RouterRunStatus.Failed, outcome.Status);
                        Assert.True(outcome.Error is RouterConnectionException or RouterProtocolException, outcome.Error?.ToString());
                        break;
                    case Kind.WrongPassword:
                        Assert.Equal(RouterRunStatus.Failed, outcome.Status);
                        Assert.IsType<RouterAuthenticationException>(outcome.Error);
                        Assert.Equal(0, router.Processor.CompletedScriptRuns);
                        break;
                }
            }
            foreach (var port in unreachable)
                Assert.IsType<RouterConnectionException>(byName[$"127.0.0.1:{port}"].Error);
        }
        finally
        {
            foreach (var (router, _) in routers) await router.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cancelling_a_fleet_run_stops_every_router_promptly()
    {
        var routers = Enumerable.Range(0, 20)
            .Select(_ => SimulatedRouter.Start(new SimulatedRouterOptions { Password = "pw", CommandLatency = TimeSpan.FromSeconds(30) })).ToList();
        try
        {
            var endpoints = routers.Select(r => Endpoint($"127.0.0.1:{r.Port}")).ToList();
            var job = new RouterScriptJob(Script, makeBackup: false, timeout: null);
            var outcomes = new ConcurrentBag<RouterRunOutcome>();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                FleetRunner.RunAsync(endpoints, 8, async (endpoint, token) => outcomes.Add(await job.RunAsync(endpoint, token)), cancel.Token));

            // Commands of 30 s each were in flight: only a real cancel returns long before that.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Empty(outcomes);
            await WaitUntil(() => routers.All(r => r.OpenSessions == 0));
        }
        finally
        {
            foreach (var router in routers) await router.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_throttle_bounds_how_many_routers_run_at_once()
    {
        const int throttle = 7;
        var running = 0;
        var peak = 0;
        // The first items hold until a full throttle's worth is running: a runner that admits fewer never opens the
        // gate (and times out), one that admits more shows a higher peak. No timing involved.
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await FleetRunner.RunAsync(Enumerable.Range(0, 50).ToList(), throttle, async (_, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now == throttle) full.TrySetResult();
            await full.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
            await Task.Yield();
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);
        Assert.Equal(throttle, peak);
    }

    [Fact]
    public async Task A_script_entry_the_router_added_while_the_run_was_cancelled_is_removed_by_its_name()
    {
        await using var router = new MenuRouterServer();
        router.AddRows("/system/script", Array.Empty<IReadOnlyDictionary<string, string>>());
        // The router adds the entry at once and holds its answer: the cancel comes before the id does.
        var release = new TaskCompletionSource<bool>();
        router.HoldAnswerWhen = command => command.Command == "/system/script/add" ? release.Task : null;
        try
        {
            using var cancel = new CancellationTokenSource();
            var run = new RouterScriptJob(Script, makeBackup: false, timeout: null).RunAsync(Endpoint($"127.0.0.1:{router.Port}"), cancel.Token);
            for (var i = 0; i < 100 && router.Rows("/system/script").Count == 0; i++) await Task.Delay(20);
            Assert.StartsWith("altostrat-", Assert.Single(router.Rows("/system/script"))["name"]);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.Empty(router.Rows("/system/script"));
        }
        finally
        {
            // The held answer must end for the server to stop, whatever the test found.
            release.SetResult(true);
        }
    }

    private static RouterEndpoint Endpoint(string computerName)
    {
        var address = RouterAddress.Parse(computerName);
        return RouterEndpoint.ForAddress(computerName, new RouterConnectionOptions(address.Host) { Port = address.Port }, "admin", "pw");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "the routers still had open sessions");
    }
}
