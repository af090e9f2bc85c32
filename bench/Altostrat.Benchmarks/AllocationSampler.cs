using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

namespace Altostrat.Benchmarks;

/// <summary>
/// Which types a run allocates, from the runtime's allocation sampling (an event about every 100 KB allocated, naming
/// the type that crossed the mark): what to shrink when a benchmark spends its time in the collector.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    /// <summary>Samples are counted only while this is true.</summary>
    public bool Sampling { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs sample)
    {
        if (!Sampling || sample.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || sample.PayloadNames is null) return;
        var type = sample.PayloadNames.IndexOf("TypeName");
        var amount = sample.PayloadNames.IndexOf("AllocationAmount64");
        if (type < 0 || amount < 0) return;
        _bytesByType.AddOrUpdate((string)sample.Payload![type]!, Convert.ToInt64(sample.Payload[amount]), (_, total) => total + Convert.ToInt64(sample.Payload[amount]));
    }

    public void Report(int top)
    {
        var total = _bytesByType.Values.Sum();
        if (total == 0) return;
        Console.WriteLine("  allocated, by type (sampled):");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"    {bytes * 100.0 / total,5:0.0}%  {type}");
    }
}
