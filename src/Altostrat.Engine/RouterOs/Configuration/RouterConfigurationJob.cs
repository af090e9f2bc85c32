using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Desired state on one router of a fleet run (see <see cref="FleetRunner"/>): open, read, plan, let the caller
/// approve, apply, verify, close. Like RouterScriptJob, every failure of the router becomes a Failed outcome; only
/// the caller's own cancellation escapes.
/// </summary>
public sealed class RouterConfigurationJob
{
    public RouterConfigurationJob(DesiredStateDocument document, bool useSafeMode, TimeSpan? timeout = null)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        if (timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        UseSafeMode = useSafeMode;
        Timeout = timeout;
    }

    public DesiredStateDocument Document { get; }

    public bool UseSafeMode { get; }

    /// <summary>The limit for one router, connect to verification; null for none.</summary>
    public TimeSpan? Timeout { get; }

    /// <param name="approve">
    /// Given the plan, answers the changes to apply (the module asks ShouldProcess on its pipeline thread and
    /// completes the task from there). Not called when the plan is empty. Null applies everything.
    /// </param>
    public async Task<ConfigurationOutcome> RunAsync(RouterEndpoint endpoint, Func<RouterConfigurationSession, CancellationToken, Task<IEnumerable<ConfigurationChange>>>? approve,
        CancellationToken cancellationToken)
    {
        if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Timeout is { } limit) deadline.CancelAfter(limit);
        RouterConfigurationSession? session = null;
        try
        {
            session = await RouterConfigurationSession.OpenAsync(endpoint, Document, deadline.Token).ConfigureAwait(false);
            var plan = await session.ReadAndPlanAsync(deadline.Token).ConfigureAwait(false);
            IEnumerable<ConfigurationChange> approved = plan.Changes;
            if (!plan.IsEmpty && approve is not null) approved = await approve(session, deadline.Token).ConfigureAwait(false);
            return await session.ApplyAsync(approved, UseSafeMode, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && ex is OperationCanceledException or RouterException)
        {
            var timeout = new RouterTimeoutException(endpoint.ComputerName, session is null
                ? $"Connecting and logging in to {endpoint.ComputerName} did not finish within {Timeout!.Value.TotalSeconds:0.#} s; nothing was read or changed."
                : $"The configuration did not finish on {endpoint.ComputerName} within {Timeout!.Value.TotalSeconds:0.#} s.", Timeout.Value);
            return RouterConfigurationSession.Failed(endpoint.ComputerName, timeout, startedAt, clock.Elapsed);
        }
        catch (Exception ex) when (ex is RouterException or DesiredStateException)
        {
            return RouterConfigurationSession.Failed(endpoint.ComputerName, ex, startedAt, clock.Elapsed);
        }
        finally
        {
            session?.Dispose();
        }
    }
}
