using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Fleet;

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
        await FleetRunner.RunAsync(sites, concurrency, async (site, token) =>
        {
            try
            {
                await work(site, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                onFailure(site, ex);
            }
        }, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
