using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.RouterOs.Fleet;

/// <summary>Runs one piece of work per item, at most <c>throttleLimit</c> at a time, each item exactly once.</summary>
public static class FleetRunner
{
    /// <summary>
    /// Routers worked on at once when the user does not say (the router cmdlets' -ThrottleLimit): enough to keep a
    /// fleet's latency hidden, few enough that a small machine's CPU keeps up with the answers of all of them.
    /// </summary>
    public const int DefaultThrottleLimit = 32;

    /// <summary>
    /// <paramref name="work"/> must report its own failures: one item failing must not stop the others, so any
    /// exception it lets escape (other than cancellation) is a bug and surfaces once everything has finished.
    /// </summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> items, int throttleLimit, Func<T, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        if (items is null) throw new ArgumentNullException(nameof(items));
        if (work is null) throw new ArgumentNullException(nameof(work));
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");

        using var throttle = new SemaphoreSlim(throttleLimit);
        var running = new List<Task>(items.Count);
        try
        {
            foreach (var item in items)
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(RunOneAsync(item));
            }
        }
        finally
        {
            // Even when cancelled, wait for the started items: they release the throttle and report their outcome.
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        async Task RunOneAsync(T item)
        {
            try
            {
                await Task.Yield();
                await work(item, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }
    }
}
