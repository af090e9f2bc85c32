using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Altostrat.Tests.Support;

/// <summary>
/// The simulated routers' latency: runs each callback when its moment comes, on a thread of its own. A timer per
/// answer (Task.Delay) rounds up to the next millisecond and then waits for a pool thread, which on a busy machine
/// made a 20 ms latency 22 to 24 ms as a client saw it: the benchmarks measured the simulator's lateness as if it
/// were the client's. One thread that sleeps until the earliest moment and sends from there keeps the latency
/// within about half a millisecond of what was asked, early or late.
/// </summary>
public sealed class LatencyLine
{
    /// <summary>
    /// Callbacks due within this much (half a millisecond, in stopwatch ticks) are run now: a wait is whole
    /// milliseconds, so waiting for the last fraction would make them late by the rest of the millisecond instead.
    /// </summary>
    public static readonly long Tolerance = Stopwatch.Frequency / 2000;

    private readonly PriorityQueue<Action, long> _due = new();
    private readonly object _gate = new();
    private long _sleepingUntil = long.MaxValue;

    private LatencyLine()
    {
        new Thread(Run) { IsBackground = true, Name = "Simulated latency" }.Start();
    }

    public static LatencyLine Shared { get; } = new();

    /// <summary>Runs <paramref name="callback"/> at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp). It must not block.</summary>
    public void At(long timestamp, Action callback)
    {
        lock (_gate)
        {
            _due.Enqueue(callback, timestamp);
            if (timestamp < _sleepingUntil) Monitor.Pulse(_gate);
        }
    }

    private void Run()
    {
        var ready = new List<Action>();
        while (true)
        {
            lock (_gate)
            {
                while (true)
                {
                    var now = Stopwatch.GetTimestamp();
                    while (_due.TryPeek(out _, out var at) && at <= now + Tolerance) ready.Add(_due.Dequeue());
                    if (ready.Count > 0) break;
                    if (!_due.TryPeek(out _, out var next))
                    {
                        _sleepingUntil = long.MaxValue;
                        Monitor.Wait(_gate);
                        continue;
                    }
                    _sleepingUntil = next;
                    Monitor.Wait(_gate, Math.Max(1, (int)((next - now) * 1000 / Stopwatch.Frequency)));
                }
                _sleepingUntil = long.MaxValue;
            }
            foreach (var callback in ready)
            {
                try { callback(); }
                catch (Exception) { /* a callback's failure is its own (a connection gone) */ }
            }
            ready.Clear();
        }
    }
}
