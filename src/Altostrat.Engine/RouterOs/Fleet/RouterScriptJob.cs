using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Fleet;

/// <summary>
/// Runs a whole RouterOS script on one router through the API, which speaks commands rather than script text: an
/// optional backup, then the script added as a <c>/system/script</c> entry, run, and removed again. Every failure
/// becomes a Failed outcome; only the caller's own cancellation escapes as an exception.
/// </summary>
public sealed class RouterScriptJob
{
    private const string NamePrefix = "altostrat-";
    private static readonly TimeSpan CleanupGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CleanupGraceWhenCancelled = TimeSpan.FromMilliseconds(500);

    /// <param name="useSafeMode">
    /// Run the script under safe mode (RouterOS 7.18+): released when it succeeds, unrolled when it fails, rolled back
    /// by the router when the connection ends first. A router that refuses safe mode runs nothing.
    /// </param>
    public RouterScriptJob(string script, bool makeBackup, TimeSpan? timeout, bool useSafeMode = false)
    {
        UseSafeMode = useSafeMode;
        if (string.IsNullOrWhiteSpace(script)) throw new ArgumentException("The script is empty.", nameof(script));
        if (timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        Script = script;
        MakeBackup = makeBackup;
        Timeout = timeout;
    }

    public string Script { get; }

    public bool MakeBackup { get; }

    public bool UseSafeMode { get; }

    /// <summary>The limit for one router, connect to cleanup; null for none.</summary>
    public TimeSpan? Timeout { get; }

    public async Task<RouterRunOutcome> RunAsync(RouterEndpoint endpoint, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Timeout is { } limit) deadline.CancelAfter(limit);
        RouterConnection? connection = null;
        string? backupName = null;
        try
        {
            connection = await endpoint.OpenAsync(deadline.Token).ConfigureAwait(false);
            if (MakeBackup)
            {
                // To the millisecond: RouterOS overwrites a backup of the same name, so a second run (a retry) within
                // the same second would replace the backup taken before the first.
                backupName = NamePrefix + startedAt.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
                await connection.ExecuteAsync(new RouterCommand("/system/backup/save").With("name", backupName), deadline.Token).ConfigureAwait(false);
            }
            if (!UseSafeMode)
            {
                await RunScriptAsync(connection, deadline.Token).ConfigureAwait(false);
                return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.Succeeded, null, backupName, startedAt, clock.Elapsed);
            }
            RouterSafeMode safeMode;
            try
            {
                safeMode = await RouterSafeMode.TakeAsync(connection, deadline.Token).ConfigureAwait(false);
            }
            catch (SafeModeUnavailableException ex)
            {
                return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.Failed, ex, backupName, startedAt, clock.Elapsed, SafeModeResult.Failed);
            }
            try
            {
                await RunScriptAsync(connection, deadline.Token).ConfigureAwait(false);
                await safeMode.ReleaseAsync(deadline.Token).ConfigureAwait(false);
                return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.Succeeded, null, backupName, startedAt, clock.Elapsed, SafeModeResult.Released);
            }
            catch (RouterException ex) when (!connection.IsConnected)
            {
                // No release reached the router: it undoes the script's changes by itself.
                return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.RolledBack, ex, backupName, startedAt, clock.Elapsed, SafeModeResult.RolledBackByRouter);
            }
            catch (RouterTrapException ex)
            {
                try
                {
                    using var grace = new CancellationTokenSource(CleanupGrace);
                    await safeMode.UnrollAsync(grace.Token).ConfigureAwait(false);
                    return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.RolledBack, ex, backupName, startedAt, clock.Elapsed, SafeModeResult.Unrolled);
                }
                catch (Exception unroll) when (unroll is RouterException or OperationCanceledException)
                {
                    // Closing the session without a release makes the router roll back instead.
                    connection.Dispose();
                    return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.RolledBack, ex, backupName, startedAt, clock.Elapsed, SafeModeResult.RolledBackByRouter);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && ex is OperationCanceledException or RouterException)
        {
            var timeout = new RouterTimeoutException(endpoint.ComputerName, connection is null
                ? $"Connecting and logging in to {endpoint.ComputerName} did not finish within {Timeout!.Value.TotalSeconds:0.#} s; the script was not run."
                : $"The script did not finish on {endpoint.ComputerName} within {Timeout!.Value.TotalSeconds:0.#} s.", Timeout.Value);
            return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.Failed, timeout, backupName, startedAt, clock.Elapsed);
        }
        catch (RouterException ex)
        {
            return new RouterRunOutcome(endpoint.ComputerName, RouterRunStatus.Failed, ex, backupName, startedAt, clock.Elapsed);
        }
        finally
        {
            if (endpoint.OwnsConnection) connection?.Dispose();
        }
    }

    private async Task RunScriptAsync(RouterConnection connection, CancellationToken cancellationToken)
    {
        var entryName = NamePrefix + Guid.NewGuid().ToString("N").Substring(0, 12);
        RouterReply added;
        try
        {
            added = await connection.ExecuteAsync(
                new RouterCommand("/system/script/add").With("name", entryName).With("source", Script), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RouterTimeoutException)
        {
            // The router may have added the entry before the cancel reached it, and its id never came back: the name
            // is this run's alone, so the entry goes by its name.
            await RemoveEntryAsync(connection, "numbers", entryName, cancellationToken).ConfigureAwait(false);
            throw;
        }
        var id = added.Ret ?? throw new RouterProtocolException($"{connection.Host} added the script entry but did not return its id.");
        try
        {
            // The run is silent until the script ends, so it is bound by the job's timeout rather than the read timeout.
            await connection.ExecuteAsync(new RouterCommand("/system/script/run").With(".id", id), cancellationToken,
                Timeout ?? System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }
        finally
        {
            await RemoveEntryAsync(connection, ".id", id, cancellationToken).ConfigureAwait(false);
        }
    }

    // Leaves no script entry behind, even after a failed run or a timeout; briefly after a cancel, which must be prompt.
    /// <param name="by">The attribute that names the entry: <c>.id</c>, or <c>numbers</c> with its name.</param>
    private static async Task RemoveEntryAsync(RouterConnection connection, string by, string entry, CancellationToken cancellationToken)
    {
        if (!connection.IsConnected) return;
        try
        {
            using var grace = new CancellationTokenSource(cancellationToken.IsCancellationRequested ? CleanupGraceWhenCancelled : CleanupGrace);
            await connection.ExecuteAsync(new RouterCommand("/system/script/remove").With(by, entry), grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RouterException or OperationCanceledException)
        {
            // The run's own outcome matters more than a leftover entry.
        }
    }
}
