using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.Benchmarks;

/// <summary>
/// A script on many simulated routers with a fixed latency per command: the wall time of the fan-out against the
/// ideal that latency alone allows (waves of <c>throttle</c> routers, each waiting for its commands in turn) and
/// against running the routers one at a time.
/// </summary>
public static class FanOutBenchmark
{
    // add the script entry, run it, remove it: three commands, each delayed by the simulated latency.
    private const int CommandsPerRouter = 3;
    private const int SteadyRuns = 5;

    public static async Task RunAsync(int routerCount, int throttle, TimeSpan latency, int sequentialSample)
    {
        var routers = Enumerable.Range(0, routerCount)
            .Select(i => SimulatedRouter.Start(new SimulatedRouterOptions { Identity = $"bench-{i}", CommandLatency = latency })).ToList();
        try
        {
            var endpoints = routers.Select(r => RouterEndpoint.ForAddress($"127.0.0.1:{r.Port}", new RouterConnectionOptions("127.0.0.1") { Port = r.Port }, "admin", "")).ToList();
            var job = new RouterScriptJob(":log info bench\n/system identity print", makeBackup: false, timeout: TimeSpan.FromMinutes(5));

            await TimeAsync(endpoints.Take(throttle).ToList(), throttle, job); // warm-up: first JIT, thread pool growth
            // The first full run still executes much of its code unoptimized (the runtime's tiered JIT promotes hot
            // methods as it goes); later runs show the steady state. Both are reported.
            var first = await TimeAsync(endpoints, throttle, job);
            var later = new List<(TimeSpan Elapsed, int Failed)>();
            for (var i = 0; i < SteadyRuns; i++) later.Add(await TimeAsync(endpoints, throttle, job));
            var steady = later.OrderBy(r => r.Elapsed).ElementAt(SteadyRuns / 2);
            var sample = endpoints.Take(sequentialSample).ToList();
            var sequential = await TimeAsync(sample, 1, job);

            var waves = (int)Math.Ceiling(routerCount / (double)throttle);
            var ideal = TimeSpan.FromTicks(latency.Ticks * CommandsPerRouter * waves);
            var sequentialAll = TimeSpan.FromTicks(sequential.Elapsed.Ticks * routerCount / Math.Max(1, sample.Count));
            var failed = first.Failed + later.Sum(r => r.Failed);
            Console.WriteLine($"Fan-out: {routerCount} routers, {latency.TotalMilliseconds:0} ms per command, throttle {throttle}");
            Console.WriteLine($"  first full run         {first.Elapsed.TotalMilliseconds,8:0} ms  (ratio to ideal {first.Elapsed.TotalMilliseconds / ideal.TotalMilliseconds:0.00})");
            Console.WriteLine($"  median of {SteadyRuns} more      {steady.Elapsed.TotalMilliseconds,8:0} ms  ({failed} failed in all runs)");
            Console.WriteLine($"  ideal (latency only)   {ideal.TotalMilliseconds,8:0} ms  ({waves} waves x {CommandsPerRouter} commands x {latency.TotalMilliseconds:0} ms)");
            Console.WriteLine($"  ratio to ideal         {steady.Elapsed.TotalMilliseconds / ideal.TotalMilliseconds,8:0.00}   (goal: 1.5 or less)");
            Console.WriteLine($"  one at a time          {sequentialAll.TotalMilliseconds,8:0} ms  (measured on {sample.Count} routers, scaled to {routerCount})");
            Console.WriteLine($"  speed-up over that     {sequentialAll.TotalMilliseconds / steady.Elapsed.TotalMilliseconds,8:0.0}x");
        }
        finally
        {
            foreach (var router in routers) await router.DisposeAsync();
        }
    }

    private static async Task<(TimeSpan Elapsed, int Failed)> TimeAsync(List<RouterEndpoint> endpoints, int throttle, RouterScriptJob job)
    {
        var outcomes = new ConcurrentBag<RouterRunOutcome>();
        var clock = Stopwatch.StartNew();
        await FleetRunner.RunAsync(endpoints, throttle, async (endpoint, token) => outcomes.Add(await job.RunAsync(endpoint, token)), CancellationToken.None);
        clock.Stop();
        if (outcomes.Count != endpoints.Count) throw new InvalidOperationException("a router got no outcome");
        return (clock.Elapsed, outcomes.Count(o => o.Status != RouterRunStatus.Succeeded));
    }
}
