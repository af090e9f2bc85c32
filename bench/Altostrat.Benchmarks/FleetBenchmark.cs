using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.Benchmarks;

/// <summary>
/// One command on many routers through FleetRunner: connect, log in, print, close. One simulated router plays every
/// router (the client opens a connection per router all the same) and answers each command 20 ms late; the login
/// is answered at once. It runs in a process of its own that has warmed it up (<see cref="RoutersProcess"/>), as a
/// real router is remote and running already: a fresh client process then pays for its own start and nothing else.
/// Ideal: waves of <c>throttle</c> routers times one latency. The first run in a fresh process is measured in a
/// child process, where the thread pool has not grown and nothing is compiled yet. Each figure has a floor beside
/// it: the same exchange with bare sockets and no engine (<see cref="BareSocketClient"/>), which is what this
/// machine's runtime, loopback and simulated router cost by themselves.
/// </summary>
public static class FleetBenchmark
{
    public static async Task RunAsync(int[] routerCounts, int throttle, TimeSpan latency)
    {
        using var routers = RoutersProcess.Start(1, latency);
        var port = routers.Ports[0];
        foreach (var count in routerCounts)
        {
            Console.Write(RunFreshProcess(port, count, throttle, latency, bare: false));
            Console.Write(RunFreshProcess(port, count, throttle, latency, bare: true));
        }
        foreach (var count in routerCounts)
        {
            var ideal = Ideal(count, throttle, latency);
            var endpoints = Endpoints(port, count);
            await TimeAsync(endpoints, throttle);
            var median = await MedianOfFiveAsync(async () => (await TimeAsync(endpoints, throttle)).Elapsed);
            Console.WriteLine($"  {count,5} routers, warm (median of 5): {median.TotalMilliseconds,7:0} ms  ratio {median.TotalMilliseconds / ideal,5:0.00} (goal 1.2)  ideal {ideal:0} ms");
            var roundTrips = new List<TimeSpan>();
            var floorMedian = await MedianOfFiveAsync(async () =>
            {
                var floor = await TimeBareAsync(port, count, throttle);
                roundTrips.Add(floor.PrintRoundTrip);
                return floor.Elapsed;
            });
            // The simulated router's latency as a client sees it: what of the floor's distance from the ideal is the
            // loopback harness itself rather than anything a client does.
            Console.WriteLine($"  {count,5} routers, warm, bare sockets and no engine (the floor): {floorMedian.TotalMilliseconds,7:0} ms  ratio {floorMedian.TotalMilliseconds / ideal,5:0.00}" +
                              $"  print round trip {roundTrips.Average(t => t.TotalMilliseconds):0.0} ms for {latency.TotalMilliseconds:0} ms of latency");
        }
    }

    /// <summary>The child process: one first run against the routers' process at <paramref name="port"/>.</summary>
    /// <param name="bare">Run <see cref="BareSocketClient"/> instead of the engine.</param>
    public static async Task RunFreshAsync(int port, int count, int throttle, TimeSpan latency, bool bare)
    {
        var ideal = Ideal(count, throttle, latency);
        if (bare)
        {
            var floor = await TimeBareAsync(port, count, throttle);
            Console.WriteLine($"  {count,5} routers, fresh process, bare sockets and no engine (the floor): {floor.Elapsed.TotalMilliseconds,7:0} ms  ratio {floor.Elapsed.TotalMilliseconds / ideal,5:0.00}  failed {floor.Failed}" +
                              $"  print round trip {floor.PrintRoundTrip.TotalMilliseconds:0.0} ms");
            return;
        }
        var endpoints = Endpoints(port, count);
        var jit = (Time: JitInfo.GetCompilationTime(), Methods: JitInfo.GetCompiledMethodCount());
        var first = await TimeAsync(endpoints, throttle);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  {count,5} routers, fresh process: {first.Elapsed.TotalMilliseconds,7:0} ms  ratio {first.Elapsed.TotalMilliseconds / ideal,5:0.00} (goal 1.2)  failed {first.Failed}" +
                          $"  peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB, pool threads {ThreadPool.ThreadCount}, CPU {process.TotalProcessorTime.TotalMilliseconds:0} ms");
        // What a fresh process pays once: the first router is done late because everything it runs is compiled first.
        Console.WriteLine($"        the first router was done at {first.FirstDone.TotalMilliseconds:0} ms (a warm router takes one latency, {latency.TotalMilliseconds:0} ms);" +
                          $" the run compiled {JitInfo.GetCompiledMethodCount() - jit.Methods} methods in {(JitInfo.GetCompilationTime() - jit.Time).TotalMilliseconds:0} ms of JIT");
    }

    private static double Ideal(int count, int throttle, TimeSpan latency) => Math.Ceiling(count / (double)throttle) * latency.TotalMilliseconds;

    private static List<RouterEndpoint> Endpoints(int port, int count) => Enumerable.Range(0, count)
        .Select(i => RouterEndpoint.ForAddress($"router-{i}", new RouterConnectionOptions("127.0.0.1") { Port = port }, "admin", "")).ToList();

    private static async Task<TimeSpan> MedianOfFiveAsync(Func<Task<TimeSpan>> run)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++) times.Add(await run());
        return times.OrderBy(t => t).ElementAt(2);
    }

    private static async Task<(TimeSpan Elapsed, int Failed, TimeSpan PrintRoundTrip)> TimeBareAsync(int port, int count, int throttle)
    {
        var clock = Stopwatch.StartNew();
        var (failed, printRoundTrip) = await BareSocketClient.RunAsync(port, count, throttle);
        return (clock.Elapsed, failed, printRoundTrip);
    }

    private static string RunFreshProcess(int port, int count, int throttle, TimeSpan latency, bool bare)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "fleet-fresh", port.ToString(), count.ToString(), throttle.ToString(), latency.TotalMilliseconds.ToString(), bare ? "bare" : "engine" }) start.ArgumentList.Add(argument);
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
