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
/// sent at once, tagged, without waiting for the replies before it (the connection matches replies by tag), so a
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
        string? IdOf(ConfigurationChange change) => newIds.TryGetValue(change, out var id) ? id : null;

        var skipRemovals = false;
        Exception? lost = null;
        foreach (var phase in changes.Select((change, index) => (change, index)).GroupBy(c => c.change.Phase).OrderBy(g => g.Key))
        {
            var members = phase.ToList();
            if (lost is not null || (skipRemovals && phase.Key == ChangePhase.Remove))
            {
                var why = lost is not null
                    ? new InvalidOperationException($"Not sent: the connection was lost earlier ({lost.Message}).", lost)
                    : new InvalidOperationException("Not sent: an addition that gives access failed, so removals were skipped to keep the router reachable.");
                foreach (var (change, index) in members) results[index] = new ChangeResult(change, ChangeStatus.NotRun, why, null);
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            // Started in order, awaited together: each ExecuteAsync writes its sentence before its first real wait.
            var running = new List<(ConfigurationChange Change, int Index, Task<string?> Task)>(members.Count);
            foreach (var (change, index) in members) running.Add((change, index, RunAsync(connection, change, IdOf, cancellationToken)));
            foreach (var (change, index, task) in running)
            {
                try
                {
                    var id = await task.ConfigureAwait(false);
                    if (id is not null) newIds[change] = id;
                    results[index] = new ChangeResult(change, ChangeStatus.Applied, null, id);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (ex is RouterException or InvalidOperationException)
                {
                    results[index] = new ChangeResult(change, ChangeStatus.Failed, ex, null);
                    if (ex is not RouterTrapException && !connection.IsConnected) lost ??= ex;
                    if (phase.Key == ChangePhase.AccessAdd) skipRemovals = true;
                }
            }
        }
        return results.Select(r => r!).ToList();
    }

    // The change's commands, all sent before any reply is awaited; the first trap is the change's failure.
    private static async Task<string?> RunAsync(RouterConnection connection, ConfigurationChange change, Func<ConfigurationChange, string?> idOf,
        CancellationToken cancellationToken)
    {
        var commands = change.ToCommands(idOf);
        if (commands.Count == 1)
        {
            var reply = await connection.ExecuteAsync(commands[0], cancellationToken).ConfigureAwait(false);
            return change.Action == ChangeAction.Add ? reply.Ret ?? throw new RouterProtocolException($"{connection.Host} added {change.Key} to {change.Path} but returned no id.") : null;
        }
        var replies = commands.Select(command => connection.ExecuteAsync(command, cancellationToken)).ToList();
        Exception? first = null;
        foreach (var reply in replies)
        {
            try { await reply.ConfigureAwait(false); }
            catch (Exception ex) when (ex is RouterException) { first ??= ex; }
        }
        if (first is not null) throw first;
        return null;
    }
}
