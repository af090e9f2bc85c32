using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.Benchmarks;

/// <summary>
/// Planning an address list of n entries against a router holding n entries, half of them differing (a changed
/// comment on a quarter, a different address on another quarter: a set, or an add plus a remove). Engine time only:
/// the document is parsed and the rows built before the clock starts.
/// </summary>
public static class PlanBenchmark
{
    public static void Run()
    {
        Console.WriteLine("Plan: address list of n entries against n router rows, half differing (best of 5 after a warm-up)");
        Console.WriteLine($"  {"entries",8} {"ms",9} {"ms per 1k",10} {"changes",9}");
        foreach (var n in new[] { 1_000, 10_000, 100_000 })
        {
            var (document, rows) = Build(n);
            ConfigurationPlanner.Plan(document, rows); // warm-up, JIT
            var best = double.MaxValue;
            var changes = 0;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var plan = ConfigurationPlanner.Plan(document, rows);
                clock.Stop();
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                changes = plan.Changes.Count;
            }
            Console.WriteLine($"  {n,8:N0} {best,9:0.0} {best / (n / 1000.0),10:0.00} {changes,9:N0}" + (n == 10_000 ? $"   (goal: under 200 ms)" : ""));
        }
    }

    internal static (DesiredStateDocument Document, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Rows) Build(int n)
    {
        var entries = new List<object?>(n);
        var rows = new List<IReadOnlyDictionary<string, string>>(n);
        for (var i = 0; i < n; i++)
        {
            var address = Address(i);
            entries.Add(new Hashtable { ["list"] = "bulk", ["address"] = address, ["comment"] = "entry " + i.ToString(CultureInfo.InvariantCulture), ["timeout"] = "1d" });
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [".id"] = "*" + (i + 1).ToString("X", CultureInfo.InvariantCulture),
                ["list"] = "bulk",
                ["address"] = (i % 4) switch { 1 => Address(i + 2 * n), _ => address },
                ["comment"] = (i % 4) == 3 ? "changed" : "entry " + i.ToString(CultureInfo.InvariantCulture),
                ["timeout"] = "1d00:00:00",
                ["dynamic"] = "false",
                ["disabled"] = "false",
                ["creation-time"] = "2026-01-01 00:00:00",
            };
            rows.Add(row);
        }
        var tree = new Hashtable { ["/ip/firewall/address-list"] = new Hashtable { ["Absent"] = "Remove", ["Entries"] = entries } };
        var byPath = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.OrdinalIgnoreCase) { ["/ip/firewall/address-list"] = rows };
        return (DesiredStateDocument.FromTree(tree), byPath);
    }

    internal static string Address(int i) => $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";
}
