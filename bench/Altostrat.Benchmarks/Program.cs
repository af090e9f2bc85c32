using System;
using System.Linq;
using Altostrat.Benchmarks;
using Altostrat.Engine.RouterOs.Fleet;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Altostrat.Benchmarks -- [protocol|fanout|analyzer|plan|apply|fleetconfig|fleet|all]
var what = args.FirstOrDefault() ?? "all";
if (what == "menu-servers")
{
    // The routers' process of fleet and fleetconfig (unless "together" puts them in the client's process): simulated routers only.
    await RoutersProcess.ServeAsync(int.Parse(args[1]), TimeSpan.FromMilliseconds(double.Parse(args[2])), FleetConfigBenchmark.WarmUpAsync);
    return 0;
}
if (what == "fleet-fresh")
{
    // The child process of the fleet benchmark: one first run, nothing warmed up.
    await FleetBenchmark.RunFreshAsync(int.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3]), TimeSpan.FromMilliseconds(double.Parse(args[4])),
        bare: args.Length > 5 && args[5] == "bare");
    return 0;
}
if (what is "protocol" or "all")
{
    var summary = BenchmarkRunner.Run<ProtocolBenchmarks>(args: args.Skip(1).ToArray());
    ReportThroughput(summary);
}
if (what is "fanout" or "all")
{
    await FanOutBenchmark.RunAsync(routerCount: 500, throttle: 100, latency: TimeSpan.FromMilliseconds(20), sequentialSample: 50);
}
if (what is "analyzer" or "all")
{
    AnalyzerBenchmark.Run();
}
if (what is "plan" or "all")
{
    PlanBenchmark.Run();
}
if (what is "apply" or "all")
{
    await ApplyBenchmark.RunAsync(TimeSpan.FromMilliseconds(20), args.Length > 1 ? int.Parse(args[1]) : 1);
}
if (what is "fleetconfig" or "all")
{
    // fleetconfig [routers [entries [throttle ...]]] [together] [allocations]
    var numbers = args.Skip(1).Where(a => a.All(char.IsDigit)).Select(int.Parse).ToList();
    var throttles = numbers.Count > 2 ? numbers.Skip(2).ToArray() : new[] { FleetRunner.DefaultThrottleLimit, 64 };
    await FleetConfigBenchmark.RunAsync(routerCount: numbers.Count > 0 ? numbers[0] : 500, entries: numbers.Count > 1 ? numbers[1] : 100, throttles, latency: TimeSpan.FromMilliseconds(20),
        separateServers: !args.Contains("together"), showAllocations: args.Contains("allocations"));
}
if (what is "fleet" or "all")
{
    Console.WriteLine("Fleet: one command per router, 20 ms latency, throttle 64");
    await FleetBenchmark.RunAsync(new[] { 200, 5000 }, throttle: 64, latency: TimeSpan.FromMilliseconds(20));
}
return 0;

// BenchmarkDotNet reports time and bytes per operation; the goals are in MB/s and bytes per row.
static void ReportThroughput(Summary summary)
{
    var bytes = PrintReply.Encode(PrintReply.Rows, out var valueChars).Length;
    // What the decoded strings alone must take: a .NET string is about 22 bytes of header plus 2 bytes a character.
    var stringBytesPerRow = (valueChars * 2.0 + 12 * 22.0 * PrintReply.Rows) / PrintReply.Rows;
    Console.WriteLine();
    Console.WriteLine($"Print reply: {PrintReply.Rows:N0} rows, {bytes / 1048576.0:0.0} MiB on the wire");
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is null) continue;
        var seconds = report.ResultStatistics.Mean / 1e9;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        Console.WriteLine($"  {report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-18} {bytes / 1048576.0 / seconds,8:0} MB/s   {allocated / (double)PrintReply.Rows,6:0} bytes allocated per row" +
            (report.BenchmarkCase.Descriptor.WorkloadMethod.Name == "DecodePrintReply" ? $"   (the value strings alone: {stringBytesPerRow:0} bytes per row)" : ""));
    }
}
