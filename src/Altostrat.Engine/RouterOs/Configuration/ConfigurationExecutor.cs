using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Applies changes on one connection, phase by phase (<see cref="ChangePhase"/>). Within a phase every command is
/// written in one batch, tagged, before any reply is awaited (the connection matches replies by tag), so a
/// phase of a thousand changes costs about one round trip rather than a thousand. Commands go out in plan order.
/// <para>A trap fails only its own change; the others' results are reported as they are. Two things stop later
/// phases: a lost connection (nothing more can be sent), and a failed access-giving addition, which skips the
/// removals so that an address, route, user or accept rule is never taken away before its replacement exists.</para>
/// </summary>
public static class ConfigurationExecutor
{
    public static async Task<IReadOnlyList<ChangeResult>> ApplyAsync(RouterConnection connection, IReadOnlyList<ConfigurationChange> changes,
        CancellationToken cancellationToken)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        var results = new ChangeResult?[changes.Count];
        var newIds = new ConcurrentDictionary<ConfigurationChange, string>();
        Func<ConfigurationChange, string?> idOf = change => newIds.TryGetValue(change, out var id) ? id : null;

        var skipRemovals = false;
        Exception? lost = null;
        var members = new List<(ConfigurationChange Change, int Index)>(changes.Count);
        foreach (var phase in ConfigurationPlanner.PhasesInOrder)
        {
            members.Clear();
            for (var i = 0; i < changes.Count; i++)
                if (changes[i].Phase == phase) members.Add((changes[i], i));
            if (members.Count == 0) continue;
            if (lost is not null || (skipRemovals && phase == ChangePhase.Remove))
            {
                var why = lost is not null
                    ? new InvalidOperationException($"Not sent: the connection was lost earlier ({lost.Message}).", lost)
                    : new InvalidOperationException("Not sent: an addition that gives access failed, so removals were skipped to keep the router reachable.");
                foreach (var (change, index) in members) results[index] = new ChangeResult(change, ChangeStatus.NotRun, why, null);
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            // The whole phase in one batch: every command written, in plan order, before any answer is awaited.
            List<RouterCommand>? commands = new List<RouterCommand>(members.Count);
            var spans = new List<(ConfigurationChange Change, int Index, int First, int Count)>(members.Count);
            foreach (var (change, index) in members)
            {
                var first = commands.Count;
                int count;
                try { count = change.AddCommandsTo(commands, idOf); }
                catch (InvalidOperationException ex)
                {
                    results[index] = new ChangeResult(change, ChangeStatus.Failed, ex, null);
                    continue;
                }
                spans.Add((change, index, first, count));
            }
            IReadOnlyList<CommandOutcome> outcomes;
            try
            {
                // Sent: the commands are not needed while the router answers, and a fleet run has many routers waiting.
                var sending = connection.ExecuteManyAsync(commands, cancellationToken);
                commands = null;
                outcomes = await sending.ConfigureAwait(false);
            }
            catch (RouterException ex)
            {
                lost = ex;
                foreach (var (change, index, _, _) in spans) results[index] = new ChangeResult(change, ChangeStatus.Failed, ex, null);
                continue;
            }
            foreach (var (change, index, first, count) in spans)
            {
                RouterException? failure = null;
                string? newId = null;
                for (var c = first; c < first + count; c++)
                {
                    var outcome = outcomes[c];
                    if (outcome.Failure is null)
                    {
                        if (change.Action == ChangeAction.Add) newId = outcome.Ret;
                        continue;
                    }
                    // A command fails with a router's reason (its trap, a timeout, the connection); anything else is a bug.
                    failure ??= outcome.Failure as RouterException ?? throw new InvalidOperationException($"{change.Path} failed unexpectedly: {outcome.Failure.Message}", outcome.Failure);
                }
                if (failure is null && change.Action == ChangeAction.Add && newId is null)
                    failure = new RouterProtocolException($"{connection.Host} added {change.Key} to {change.Path} but returned no id.");
                if (failure is null)
                {
                    if (newId is not null) newIds[change] = newId;
                    results[index] = new ChangeResult(change, ChangeStatus.Applied, null, newId);
                    continue;
                }
                results[index] = new ChangeResult(change, ChangeStatus.Failed, failure, null);
                if (failure is not RouterTrapException && !connection.IsConnected) lost ??= failure;
                if (change.GivesAccess) skipRemovals = true;
            }
        }
        return results!;
    }
}
