using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Benchmarks;

/// <summary>
/// Test-AltoRouterScript's analyzer on scripts of 1,000, 10,000 and 100,000 lines made of the constructs real
/// scripts use (export sections with continuations, functions, loops, substitutions, strings with escapes):
/// the median time of several runs, the time per 1,000 lines (constant when the analyzer is linear), the mean
/// garbage-collection pause per run (the result of a long script is a large live object graph), and the bytes
/// allocated per line.
/// </summary>
public static class AnalyzerBenchmark
{
    // 20 lines, repeated; every line is one of the shapes the parser handles differently.
    private static readonly string[] Block =
    {
        "/ip firewall filter",
        "add action=accept chain=input comment=\"defconf: accept established,related\" connection-state=\\",
        "    established,related,untracked",
        "add action=drop chain=input in-interface-list=!LAN comment=\"drop all not coming from LAN\"",
        "/ip/address/add address=10.0.0.1/24 interface=ether2 comment=\"mgmt \\\"v2\\\"\"",
        ":local name [/system identity get name]",
        ":global notify do={",
        "    :log info (\"[\" . $name . \"] \" . $1)",
        "}",
        ":foreach i in=[/interface find where running] do={",
        "    :if ([/interface get $i mtu] < 1500) do={ /interface set $i mtu=1500 } else={ :put \"ok $[/interface get $i name]\" }",
        "}",
        ":do { /tool fetch url=\"https://example.net/x?a=1&b=2\" keep-result=no } on-error={ $notify \"fetch failed\" }",
        "# a comment line",
        "/system script add name=s source=\":put \\\"hello\\\"\\r\\",
        "    \\n:log info \\\"done\\\"\"",
        ":for n from=1 to=10 do={ :set name ($name . $n) }",
        "/ip route print where dst-address=0.0.0.0/0",
        ":put {1;2;3}",
        "/ip dns set servers=9.9.9.9,1.1.1.1",
    };

    public static void Run()
    {
        // The first call in a process runs unoptimized (tier-0) code: report it, then warm up until the JIT has
        // recompiled the hot paths, as it has in a session that analyzes more than a script or two.
        var cold = Stopwatch.StartNew();
        ScriptAnalyzer.Analyze(Script(10_000));
        cold.Stop();
        var warmUp = Script(1_000);
        for (var i = 0; i < 60; i++) ScriptAnalyzer.Analyze(warmUp);

        Console.WriteLine($"Script analyzer (Test-AltoRouterScript): first call in the process, 10,000 lines: {cold.Elapsed.TotalMilliseconds:0} ms");
        Console.WriteLine("Warm, median of several runs:");
        Console.WriteLine($"  {"lines",8} {"chars",10} {"median ms",10} {"ms per 1k lines",16} {"GC pause ms",12} {"bytes per line",15} {"commands",9}");
        foreach (var (lines, runs) in new[] { (1_000, 41), (10_000, 21), (100_000, 7) })
        {
            var script = Script(lines);
            var analysis = ScriptAnalyzer.Analyze(script); // warm-up, and a check that the input is what it claims
            if (!analysis.IsValid) throw new InvalidOperationException("The benchmark script has syntax errors: " + analysis.Diagnostics[0]);

            var times = new List<double>();
            long allocated = 0;
            var pauseBefore = GC.GetTotalPauseDuration();
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                ScriptAnalyzer.Analyze(script);
                watch.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var median = times.OrderBy(t => t).ElementAt(times.Count / 2);
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / runs;
            Console.WriteLine($"  {lines,8:N0} {script.Length,10:N0} {median,10:0.00} {median * 1000 / lines,16:0.000} {pause,12:0.0} {allocated / (double)lines,15:0} {analysis.Commands.Count,9:N0}");
        }
    }

    private static string Script(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++) text.Append(Block[i % Block.Length]).Append('\n');
        // End on a complete block so the script stays valid whatever the count.
        for (var i = lines % Block.Length; i != 0 && i < Block.Length; i++) text.Append(Block[i]).Append('\n');
        return text.ToString();
    }
}
