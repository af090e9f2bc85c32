using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.Engine.Sdx;

/// <summary>Queues one asynchronous job per site through SDX, a few requests at a time, one outcome per site.</summary>
public static class SiteJobQueue
{
    /// <summary>
    /// Queues <paramref name="request"/> on every site; <paramref name="onOutcome"/> is called once per site, from
    /// any thread, with the job or the failure. One site failing never stops the others.
    /// </summary>
    public static Task QueueAsync(AltoApiClient client, IReadOnlyList<string> sites, AsyncJobRequest request, Action<SiteJobOutcome> onOutcome,
        CancellationToken cancellationToken, int concurrency = SiteFanOut.DefaultConcurrency)
    {
        if (client is null) throw new ArgumentNullException(nameof(client));
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (onOutcome is null) throw new ArgumentNullException(nameof(onOutcome));
        return FleetRunner.RunAsync(sites, concurrency, async (site, token) =>
        {
            // One key per site for this invocation.
            var key = Guid.NewGuid().ToString();
            SiteJobOutcome outcome;
            try
            {
                var response = await client.QueueAsyncJobAsync(site, request, key, token).ConfigureAwait(false);
                outcome = new SiteJobOutcome(site, key, response, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = new SiteJobOutcome(site, key, null, ex);
            }
            onOutcome(outcome);
        }, cancellationToken);
    }
}
