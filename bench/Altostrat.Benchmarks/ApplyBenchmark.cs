using System;
using System.Collections;
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
/// 1,000 changes to one router whose every answer comes 20 ms late (answers to pipelined commands overlap, as on a
/// router): 500 sets, 250 removals and 250 additions, so three phases. Latency-bound ideal: a round trip per phase.
/// </summary>
public static class ApplyBenchmark
{
    public static async Task RunAsync(TimeSpan latency, int scale = 1)
    {
        var rows = 750 * scale;
        await using var server = new MenuRouterServer(latency);
        var seed = Enumerable.Range(0, rows).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["list"] = "bulk", ["address"] = PlanBenchmark.Address(i), ["comment"] = "old",
        }).ToList();
        server.AddRows("/ip/firewall/address-list", seed);
        // Entries 0-499 change their comment, 500-749 go (Absent = Remove), 250 new ones come.
        var entries = Enumerable.Range(0, 500 * scale).Select(i => (object)new Hashtable { ["list"] = "bulk", ["address"] = PlanBenchmark.Address(i), ["comment"] = "new" })
            .Concat(Enumerable.Range(1000 * scale, 250 * scale).Select(i => (object)new Hashtable { ["list"] = "bulk", ["address"] = PlanBenchmark.Address(i), ["comment"] = "new" }))
            .ToList();
        var document = DesiredStateDocument.FromTree(new Hashtable { ["/ip/firewall/address-list"] = new Hashtable { ["Absent"] = "Remove", ["Entries"] = entries } });
        var endpoint = RouterEndpoint.ForAddress("bench", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        using var session = await RouterConfigurationSession.OpenAsync(endpoint, document, CancellationToken.None);
        var total = Stopwatch.StartNew();
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var readAndPlan = total.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var apply = Stopwatch.StartNew();
        var results = await ConfigurationExecutor.ApplyAsync(session.Connection, plan.Changes, CancellationToken.None);
        apply.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var remaining = await session.VerifyAsync(CancellationToken.None);
        total.Stop();

        var phases = plan.Changes.Select(c => c.Phase).Distinct().Count();
        Console.WriteLine($"Apply: {plan.Changes.Count:N0} changes to one router, {latency.TotalMilliseconds:0} ms per answer, {phases} phases");
        Console.WriteLine($"  apply (executor)        {apply.Elapsed.TotalMilliseconds,8:0} ms  (ideal {phases * latency.TotalMilliseconds:0} ms: one round trip per phase; goal: 2000 ms or less), CPU {cpu.TotalMilliseconds:0} ms client and server");
        Console.WriteLine($"  read + plan             {readAndPlan.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"  read, plan, apply, verify {total.Elapsed.TotalMilliseconds,6:0} ms");
        Console.WriteLine($"  failed {results.Count(r => !r.Succeeded)}, still differing after apply {remaining.Changes.Count}, most commands in flight at once {server.MaxInFlight}");
    }
}
