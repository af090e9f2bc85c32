using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;

namespace Altostrat.Benchmarks;

/// <summary>
/// Desired state on many routers at once: each router's plan has 100 changes, every answer comes 20 ms late. Per
/// router the latency allows no less than three round trips (read, one write phase, verify), so the ideal is
/// waves of <c>throttle</c> routers times three latencies. That ideal holds while the cores keep up: at 64 routers at
/// once on a 2-core machine, the client and the simulated routers together need about as much CPU as the ideal lasts,
/// which each run prints beside its figure.
/// </summary>
public static class FleetConfigBenchmark
{
    private const int RoundTripsPerRouter = 3;
    private const int Runs = 8;

    /// <param name="throttles">
    /// The routers at once of each pass, each against routers of its own: the first pass is the cold one. The cmdlets'
    /// default (<see cref="FleetRunner.DefaultThrottleLimit"/>) comes first; a higher one shows where this machine's
    /// cores, shared by the client and the simulated routers, stop keeping up with the answers.
    /// </param>
    /// <param name="separateServers">
    /// Run the simulated routers in a process of their own (<see cref="RoutersProcess"/>, the default), so that the
    /// CPU time reported is the client's alone (both processes still share the machine's cores); false puts them in
    /// the client's process.
    /// </param>
    /// <param name="showAllocations">Also list what the steady runs allocate, by type (<see cref="AllocationSampler"/>).</param>
    public static async Task RunAsync(int routerCount, int entries, IReadOnlyList<int> throttles, TimeSpan latency, bool separateServers = true, bool showAllocations = false)
    {
        for (var pass = 0; pass < throttles.Count; pass++)
            await RunPassAsync(routerCount, entries, throttles[pass], latency, cold: pass == 0, separateServers, showAllocations);
    }

    private static async Task RunPassAsync(int routerCount, int entries, int throttle, TimeSpan latency, bool cold, bool separateServers, bool showAllocations)
    {
        var servers = new List<MenuRouterServer>();
        RoutersProcess? routers = null;
        List<int> ports;
        if (separateServers)
        {
            routers = RoutersProcess.Start(routerCount, latency);
            ports = routers.Ports.ToList();
        }
        else
        {
            servers.AddRange(Enumerable.Range(0, routerCount).Select(_ => RoutersProcess.NewRouter(latency)));
            ports = servers.Select(s => s.Port).ToList();
        }
        try
        {
            var endpoints = ports.Select(port => RouterEndpoint.ForAddress($"127.0.0.1:{port}", new RouterConnectionOptions("127.0.0.1") { Port = port }, "admin", "")).ToList();
            var waves = (int)Math.Ceiling(routerCount / (double)throttle);
            var ideal = waves * RoundTripsPerRouter * latency.TotalMilliseconds;
            Console.WriteLine($"Fleet configuration: {routerCount} routers x {entries} changes, {latency.TotalMilliseconds:0} ms per answer, throttle {throttle}" +
                              (throttle == FleetRunner.DefaultThrottleLimit ? " (the cmdlets' default)" : "") +
                              (separateServers ? ", routers in a separate process" : ""));
            Console.WriteLine($"  ideal (latency only)    {ideal,8:0} ms  ({waves} waves x {RoundTripsPerRouter} round trips x {latency.TotalMilliseconds:0} ms)");
            // First run adds the entries (and pays for the JIT), later runs change their comments: 100 sets each. The
            // runtime keeps compiling for several runs of this length (see each run's JIT line), so the last runs are
            // the steady state.
            using var sampler = showAllocations ? new AllocationSampler() : null;
            for (var run = 0; run < Runs; run++)
            {
                // The steady runs only: the first ones also allocate for the JIT and the runtime's warming up.
                if (sampler is not null) sampler.Sampling = run >= Runs - 2;
                var document = Document(entries, "run " + run);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var routersCpu = routers?.Cpu ?? TimeSpan.Zero;
                var allocated = GC.GetTotalAllocatedBytes();
                var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var paused = GC.GetTotalPauseDuration();
                var jit = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
                var (elapsed, failed, changes) = await TimeAsync(endpoints, throttle, document);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                routersCpu = (routers?.Cpu ?? TimeSpan.Zero) - routersCpu;
                allocated = GC.GetTotalAllocatedBytes() - allocated;
                var label = $"run {run + 1} ({(run == 0 ? (cold ? "adds, cold" : "adds") : run < Runs - 2 ? "sets" : "sets, steady")})";
                Console.WriteLine($"  {label,-22}{elapsed.TotalMilliseconds,8:0} ms  ratio {elapsed.TotalMilliseconds / ideal,5:0.00} (goal 1.5)  {changes:N0} changes, {failed} routers failed, CPU {cpu.TotalMilliseconds:0} ms ({(separateServers ? $"client only; the routers' process {routersCpu.TotalMilliseconds:0} ms" : "client and servers")})");
                // Where the CPU goes is mostly allocation and collection; these say how much of it there was.
                Console.WriteLine($"      CPU {cpu.TotalMilliseconds * 1000 / Math.Max(1, changes):0.0} µs per change, allocated {allocated / 1048576.0:0} MiB ({allocated / (double)Math.Max(1, changes):0} bytes per change)," +
                                  $" collections gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}," +
                                  $" paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms," +
                                  $" JIT {(JitInfo.GetCompilationTime() - jit.Item1).TotalMilliseconds:0} ms for {JitInfo.GetCompiledMethodCount() - jit.Item2} methods");
                if (separateServers)
                    // Client and routers share this machine's cores: their CPU alone needs this long, whatever the latency.
                    Console.WriteLine($"      the CPU of client and routers together needs at least {(cpu + routersCpu).TotalMilliseconds / Environment.ProcessorCount:0} ms on {Environment.ProcessorCount} cores" +
                                      $" ({(cpu + routersCpu).TotalMilliseconds / Environment.ProcessorCount / ideal:0.00}x the ideal)");
            }
            sampler?.Report(top: 25);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"  peak working set        {process.PeakWorkingSet64 / 1048576.0,8:0} MiB ({(separateServers ? "client only" : $"client and {routerCount} servers in one process")})");
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            routers?.Dispose();
        }
    }

    /// <summary>
    /// The routers' process warms up with configuration runs (adds, then sets) on a few routers of its own, until the
    /// runtime has stopped compiling (after 5 s, a run that compiles next to nothing), so that the client's first run
    /// meets routers running optimised code, as real routers' is; at most 15 s. The routers compiling during the client's
    /// first runs took CPU from it on the shared cores.
    /// </summary>
    public static async Task WarmUpAsync(TimeSpan latency)
    {
        var servers = Enumerable.Range(0, 8).Select(_ => RoutersProcess.NewRouter(latency)).ToList();
        var endpoints = servers.Select(s => RouterEndpoint.ForAddress($"127.0.0.1:{s.Port}", new RouterConnectionOptions("127.0.0.1") { Port = s.Port }, "admin", "")).ToList();
        var clock = Stopwatch.StartNew();
        for (var run = 0; ; run++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await TimeAsync(endpoints, throttle: 8, Document(100, "warm-up " + run));
            // Not before 5 s: the runtime starts recompiling hot code at full optimisation only after a delay.
            var settled = clock.Elapsed > TimeSpan.FromSeconds(5) && JitInfo.GetCompiledMethodCount() - compiled < 3;
            if (settled || clock.Elapsed > TimeSpan.FromSeconds(15)) break;
        }
        foreach (var server in servers) await server.DisposeAsync();
    }

    private static DesiredStateDocument Document(int entries, string comment) =>
        DesiredStateDocument.FromTree(new Hashtable
        {
            ["/ip/firewall/address-list"] = new Hashtable
            {
                ["Entries"] = Enumerable.Range(0, entries).Select(i => (object)new Hashtable { ["list"] = "bulk", ["address"] = PlanBenchmark.Address(i), ["comment"] = comment }).ToList(),
            },
        });

    private static async Task<(TimeSpan Elapsed, int Failed, int Changes)> TimeAsync(List<RouterEndpoint> endpoints, int throttle, DesiredStateDocument document)
    {
        var job = new RouterConfigurationJob(document, useSafeMode: false);
        var outcomes = new ConcurrentBag<ConfigurationOutcome>();
        var clock = Stopwatch.StartNew();
        await FleetRunner.RunAsync(endpoints, throttle, async (endpoint, token) => outcomes.Add(await job.RunAsync(endpoint, null, token)), CancellationToken.None);
        clock.Stop();
        return (clock.Elapsed, outcomes.Count(o => o.Status != ConfigurationStatus.Changed), outcomes.Sum(o => o.Results.Count));
    }
}
