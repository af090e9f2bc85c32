using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
/// waves of <c>throttle</c> routers times three latencies.
/// </summary>
public static class FleetConfigBenchmark
{
    private const int RoundTripsPerRouter = 3;

    public static async Task RunAsync(int routerCount, int entries, int throttle, TimeSpan latency)
    {
        var servers = Enumerable.Range(0, routerCount).Select(_ => new MenuRouterServer(latency)).ToList();
        try
        {
            foreach (var server in servers) server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
            var endpoints = servers.Select(s => RouterEndpoint.ForAddress($"127.0.0.1:{s.Port}", new RouterConnectionOptions("127.0.0.1") { Port = s.Port }, "admin", "")).ToList();
            var waves = (int)Math.Ceiling(routerCount / (double)throttle);
            var ideal = waves * RoundTripsPerRouter * latency.TotalMilliseconds;
            Console.WriteLine($"Fleet configuration: {routerCount} routers x {entries} changes, {latency.TotalMilliseconds:0} ms per answer, throttle {throttle}");
            Console.WriteLine($"  ideal (latency only)    {ideal,8:0} ms  ({waves} waves x {RoundTripsPerRouter} round trips x {latency.TotalMilliseconds:0} ms)");
            // First run adds the entries (and pays for the JIT), later runs change their comments: 100 sets each.
            for (var run = 0; run < 3; run++)
            {
                var document = Document(entries, "run " + run);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var (elapsed, failed, changes) = await TimeAsync(endpoints, throttle, document);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"  run {run + 1} ({(run == 0 ? "adds, cold" : "sets, warm")})  {elapsed.TotalMilliseconds,8:0} ms  ratio {elapsed.TotalMilliseconds / ideal,5:0.00} (goal 1.5)  {changes:N0} changes, {failed} routers failed, CPU {cpu.TotalMilliseconds:0} ms (client and servers)");
            }
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"  peak working set        {process.PeakWorkingSet64 / 1048576.0,8:0} MiB (client and {routerCount} servers in one process)");
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
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
