using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.Sdx;

/// <summary>
/// One piece of SDX work per site, at most <see cref="DefaultConcurrency"/> requests in flight: enough to hide the
/// API's latency, few enough to stay clear of its rate limits. A failing site is reported and never stops the others.
/// </summary>
public static class SiteFanOut
{
    /// <summary>The module's default number of concurrent SDX requests (as Invoke-AltoRouterScript -SiteId uses).</summary>
    public const int DefaultConcurrency = 8;

    public static async Task RunAsync(IReadOnlyList<string> sites, int concurrency, Func<string, CancellationToken, Task> work,
        Action<string, Exception> onFailure, CancellationToken cancellationToken)
    {
        if (concurrency < 1) throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "The concurrency must be at least 1.");
        using var throttle = new SemaphoreSlim(concurrency);
        var running = new List<Task>(sites.Count);
        try
        {
            foreach (var site in sites)
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(RunOneAsync(site));
            }
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();

        async Task RunOneAsync(string site)
        {
            try
            {
                await Task.Yield();
                await work(site, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                onFailure(site, ex);
            }
            finally
            {
                throttle.Release();
            }
        }
    }
}
