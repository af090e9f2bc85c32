using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Desired state on one router, in steps on one open connection, so that the module can put each planned change to
/// the user (ShouldProcess and the risk gate, on its pipeline thread) between planning and applying:
/// <see cref="OpenAsync"/>, <see cref="ReadAndPlanAsync"/>, then <see cref="ApplyAsync"/> with the approved subset,
/// which also verifies; <see cref="VerifyAsync"/> alone re-reads and re-plans. Dispose closes a connection the
/// session opened (under safe mode without a release, that makes the router roll back).
/// </summary>
public sealed class RouterConfigurationSession : IDisposable
{
    private static readonly TimeSpan UnrollGrace = TimeSpan.FromSeconds(5);
    private readonly RouterEndpoint _endpoint;
    private readonly DateTimeOffset _startedAt = DateTimeOffset.Now;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private RouterConfigurationSession(RouterEndpoint endpoint, RouterConnection connection, DesiredStateDocument document)
    {
        _endpoint = endpoint;
        Connection = connection;
        Document = document;
    }

    public string ComputerName => _endpoint.ComputerName;

    public DesiredStateDocument Document { get; }

    public RouterConnection Connection { get; }

    /// <summary>The rows of the last read, by menu path.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>? Rows { get; private set; }

    /// <summary>The plan of the last <see cref="ReadAndPlanAsync"/>.</summary>
    public ConfigurationPlan? Plan { get; private set; }

    public static async Task<RouterConfigurationSession> OpenAsync(RouterEndpoint endpoint, DesiredStateDocument document, CancellationToken cancellationToken)
    {
        if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
        if (document is null) throw new ArgumentNullException(nameof(document));
        var connection = await endpoint.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new RouterConfigurationSession(endpoint, connection, document);
    }

    /// <summary>Reads the document's menus (all prints at once) and plans; reads only.</summary>
    public async Task<ConfigurationPlan> ReadAndPlanAsync(CancellationToken cancellationToken)
    {
        Rows = await ConfigurationReader.ReadAsync(Connection, Document.Paths, cancellationToken).ConfigureAwait(false);
        Plan = ConfigurationPlanner.Plan(Document, Rows, ComputerName);
        return Plan;
    }

    /// <summary>Re-reads and re-plans: an empty plan means the router matches the document.</summary>
    public async Task<ConfigurationPlan> VerifyAsync(CancellationToken cancellationToken)
    {
        var rows = await ConfigurationReader.ReadAsync(Connection, Document.Paths, cancellationToken).ConfigureAwait(false);
        return ConfigurationPlanner.Plan(Document, rows, ComputerName, strict: false);
    }

    /// <summary>
    /// Applies <paramref name="approved"/> (changes of this session's plan; any order, run in the plan's order), under
    /// safe mode when asked, then verifies. Never throws for the router's sake: every failure is in the outcome.
    /// Only the caller's cancellation escapes; under safe mode it first unrolls (or, failing that, the connection is
    /// closed and the router rolls back).
    /// </summary>
    public async Task<ConfigurationOutcome> ApplyAsync(IEnumerable<ConfigurationChange> approved, bool useSafeMode, CancellationToken cancellationToken)
    {
        var plan = Plan ?? throw new InvalidOperationException("Call ReadAndPlanAsync before ApplyAsync.");
        if (approved is null) throw new ArgumentNullException(nameof(approved));
        var changes = ReferenceEquals(approved, plan.Changes) ? plan.Changes : Approved(plan, approved);
        if (changes.Count == 0) return Outcome(ConfigurationStatus.Unchanged, plan, Array.Empty<ChangeResult>(), plan, SafeModeResult.NotUsed, null);

        RouterSafeMode? safeMode = null;
        if (useSafeMode)
        {
            try
            {
                safeMode = await RouterSafeMode.TakeAsync(Connection, cancellationToken).ConfigureAwait(false);
            }
            catch (RouterException ex)
            {
                return Outcome(ConfigurationStatus.Failed, plan, Array.Empty<ChangeResult>(), null, SafeModeResult.Failed, ex);
            }
        }

        IReadOnlyList<ChangeResult> results;
        try
        {
            results = await ConfigurationExecutor.ApplyAsync(Connection, changes, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && safeMode is not null)
        {
            await UnrollOrDropAsync(safeMode).ConfigureAwait(false);
            throw;
        }

        var failure = results.FirstOrDefault(r => !r.Succeeded)?.Error;
        var safeModeResult = SafeModeResult.NotUsed;
        if (safeMode is not null)
        {
            if (!Connection.IsConnected)
                return Outcome(ConfigurationStatus.RolledBack, plan, results, null, SafeModeResult.RolledBackByRouter,
                    Connection.CloseReason ?? failure);
            try
            {
                if (failure is not null)
                {
                    // All or nothing: a partly applied document under safe mode is undone.
                    await safeMode.UnrollAsync(cancellationToken).ConfigureAwait(false);
                    return Outcome(ConfigurationStatus.RolledBack, plan, results, null, SafeModeResult.Unrolled, failure);
                }
                await safeMode.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                safeModeResult = SafeModeResult.Released;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await UnrollOrDropAsync(safeMode).ConfigureAwait(false);
                throw;
            }
            catch (RouterException ex)
            {
                // The release (or unroll) never arrived: with the connection gone the router rolls back by itself.
                if (!Connection.IsConnected)
                    return Outcome(ConfigurationStatus.RolledBack, plan, results, null, SafeModeResult.RolledBackByRouter, ex);
                return Outcome(ConfigurationStatus.Failed, plan, results, null, SafeModeResult.Failed, ex);
            }
        }

        ConfigurationPlan? remaining = null;
        try
        {
            remaining = await VerifyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RouterException ex)
        {
            return Outcome(ConfigurationStatus.Failed, plan, results, null, safeModeResult, failure ?? ex);
        }
        if (failure is not null) return Outcome(ConfigurationStatus.Failed, plan, results, remaining, safeModeResult, failure);
        if (remaining.Changes.Count == 0) return Outcome(ConfigurationStatus.Changed, plan, results, remaining, safeModeResult, null);
        var applied = new HashSet<(string, ChangeAction, string, string?)>(changes.Select(Identity));
        var unconverged = remaining.Changes.Where(c => applied.Contains(Identity(c))).ToList();
        if (unconverged.Count > 0)
            return Outcome(ConfigurationStatus.Failed, plan, results, remaining, safeModeResult, new ConfigurationNotConvergedException(ComputerName, unconverged));
        return Outcome(ConfigurationStatus.Changed, plan, results, remaining, safeModeResult, null);
    }

    // The approved changes in plan order; a change from elsewhere is the caller's mistake. (All of them, the usual
    // case, is the plan's own list, and needs none of this.)
    private static IReadOnlyList<ConfigurationChange> Approved(ConfigurationPlan plan, IEnumerable<ConfigurationChange> approved)
    {
        var wanted = new HashSet<ConfigurationChange>(approved);
        var planned = new HashSet<ConfigurationChange>(plan.Changes);
        var foreign = wanted.FirstOrDefault(c => !planned.Contains(c));
        if (foreign is not null) throw new ArgumentException($"The change '{foreign.Script}' is not part of this session's plan.", nameof(approved));
        return plan.Changes.Where(wanted.Contains).ToList();
    }

    /// <summary>An outcome for a router that could not be opened, read or planned.</summary>
    public static ConfigurationOutcome Failed(string computerName, Exception error, DateTimeOffset startedAt, TimeSpan duration) =>
        new(computerName, ConfigurationStatus.Failed, null, Array.Empty<ChangeResult>(), null, SafeModeResult.NotUsed, error, startedAt, duration);

    // The entry's id as well as its key text: the text is for people, and two entries may read alike.
    private static (string, ChangeAction, string, string?) Identity(ConfigurationChange change) => (change.Path, change.Action, change.Key, change.Id);

    // After Ctrl+C under safe mode: unroll briefly; if that cannot be done, closing the session makes the router roll back.
    private async Task UnrollOrDropAsync(RouterSafeMode safeMode)
    {
        try
        {
            using var grace = new CancellationTokenSource(UnrollGrace);
            if (Connection.IsConnected) await safeMode.UnrollAsync(grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RouterException or OperationCanceledException)
        {
            Connection.Dispose();
        }
    }

    private ConfigurationOutcome Outcome(ConfigurationStatus status, ConfigurationPlan? plan, IReadOnlyList<ChangeResult> results, ConfigurationPlan? remaining,
        SafeModeResult safeMode, Exception? error) =>
        new(ComputerName, status, plan, results, remaining, safeMode, error, _startedAt, _clock.Elapsed);

    public void Dispose()
    {
        if (_endpoint.OwnsConnection) Connection.Dispose();
    }
}
