using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;

namespace Altostrat.Benchmarks;

/// <summary>
/// One command on many routers through FleetRunner: connect, log in, print, close. One loopback server plays every
/// router (the client opens a connection per router all the same) and answers each command 20 ms late; the login
/// is answered at once. Ideal: waves of <c>throttle</c> routers times one latency. The first run in a fresh
/// process is measured in a child process, where the thread pool has not grown and nothing is compiled yet. Each
/// figure has a floor beside it: the same exchange with bare sockets and no engine (<see cref="BareSocketClient"/>),
/// which is what this machine's runtime, loopback and simulated routers cost by themselves.
/// </summary>
public static class FleetBenchmark
{
    /// <param name="bare">In the fresh child: run <see cref="BareSocketClient"/> instead of the engine.</param>
    public static async Task RunAsync(int[] routerCounts, int throttle, TimeSpan latency, bool freshOnly, bool bare = false)
    {
        if (!freshOnly)
        {
            foreach (var count in routerCounts)
            {
                Console.Write(RunFreshProcess(count, throttle, latency, bare: false));
                Console.Write(RunFreshProcess(count, throttle, latency, bare: true));
            }
        }
        await using var server = new MenuRouterServer(latency);
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "bench" });
        foreach (var count in routerCounts)
        {
            var ideal = Math.Ceiling(count / (double)throttle) * latency.TotalMilliseconds;
            if (bare)
            {
                var floor = await TimeBareAsync(server.Port, count, throttle);
                Console.WriteLine($"  {count,5} routers, fresh process, bare sockets and no engine (the floor): {floor.Elapsed.TotalMilliseconds,7:0} ms  ratio {floor.Elapsed.TotalMilliseconds / ideal,5:0.00}  failed {floor.Failed}");
                continue;
            }
            var endpoints = Enumerable.Range(0, count)
                .Select(i => RouterEndpoint.ForAddress($"router-{i}", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "")).ToList();
            var jit = (Time: JitInfo.GetCompilationTime(), Methods: JitInfo.GetCompiledMethodCount());
            var first = await TimeAsync(endpoints, throttle);
            if (freshOnly)
            {
                using var process = Process.GetCurrentProcess();
                Console.WriteLine($"  {count,5} routers, fresh process: {first.Elapsed.TotalMilliseconds,7:0} ms  ratio {first.Elapsed.TotalMilliseconds / ideal,5:0.00} (goal 1.2)  failed {first.Failed}" +
                                  $"  peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB, pool threads {ThreadPool.ThreadCount}, CPU {process.TotalProcessorTime.TotalMilliseconds:0} ms");
                // What a fresh process pays once: the first router is done late because everything it runs is compiled first.
                Console.WriteLine($"        the first router was done at {first.FirstDone.TotalMilliseconds:0} ms (a warm router takes one latency, {latency.TotalMilliseconds:0} ms);" +
                                  $" the run compiled {JitInfo.GetCompiledMethodCount() - jit.Methods} methods in {(JitInfo.GetCompilationTime() - jit.Time).TotalMilliseconds:0} ms of JIT");
                continue;
            }
            var median = await MedianOfFiveAsync(async () => (await TimeAsync(endpoints, throttle)).Elapsed);
            Console.WriteLine($"  {count,5} routers, warm (median of 5): {median.TotalMilliseconds,7:0} ms  ratio {median.TotalMilliseconds / ideal,5:0.00} (goal 1.2)  ideal {ideal:0} ms");
            var floorMedian = await MedianOfFiveAsync(async () => (await TimeBareAsync(server.Port, count, throttle)).Elapsed);
            Console.WriteLine($"  {count,5} routers, warm, bare sockets and no engine (the floor): {floorMedian.TotalMilliseconds,7:0} ms  ratio {floorMedian.TotalMilliseconds / ideal,5:0.00}");
        }
    }

    private static async Task<TimeSpan> MedianOfFiveAsync(Func<Task<TimeSpan>> run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++) times.Add(await run());
        return times.OrderBy(t => t).ElementAt(2);
    }

    private static async Task<(TimeSpan Elapsed, int Failed)> TimeBareAsync(int port, int count, int throttle)
    {
        var clock = Stopwatch.StartNew();
        var failed = await BareSocketClient.RunAsync(port, count, throttle);
        return (clock.Elapsed, failed);
    }

    private static string RunFreshProcess(int count, int throttle, TimeSpan latency, bool bare)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "fleet-fresh", count.ToString(), throttle.ToString(), latency.TotalMilliseconds.ToString(), bare ? "bare" : "engine" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static async Task<(TimeSpan Elapsed, int Failed, TimeSpan FirstDone)> TimeAsync(List<RouterEndpoint> endpoints, int throttle)
    {
        var failed = 0;
        long firstDone = 0;
        var clock = Stopwatch.StartNew();
        await FleetRunner.RunAsync(endpoints, throttle, async (endpoint, token) =>
        {
            try
            {
                using var connection = await endpoint.OpenAsync(token);
                await connection.ExecuteAsync(new RouterCommand("/system/identity/print"), token);
                Interlocked.CompareExchange(ref firstDone, clock.ElapsedTicks, 0);
            }
            catch (RouterException)
            {
                Interlocked.Increment(ref failed);
            }
        }, CancellationToken.None);
        clock.Stop();
        return (clock.Elapsed, failed, TimeSpan.FromSeconds(firstDone / (double)Stopwatch.Frequency));
    }
}
