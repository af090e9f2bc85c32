using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;

namespace Altostrat.Engine.Sdx;

/// <summary>
/// Follows scheduled scripts through the API by polling, the one home of the loops behind Approve -Wait and
/// Wait-AltoScheduledScript. The API has no GET of one script, so each round reads the list once for all the
/// scripts it follows.
/// </summary>
public sealed class ScheduledScriptWatcher
{
    private readonly AltoApiClient _client;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan? _timeout;

    /// <param name="timeout">Null waits without limit.</param>
    public ScheduledScriptWatcher(AltoApiClient client, TimeSpan pollInterval, TimeSpan? timeout)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        if (pollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "The poll interval must be positive.");
        _pollInterval = pollInterval;
        _timeout = timeout;
    }

    /// <summary>
    /// Polls one script until it is approved (scheduled or launched), cancelled, or the timeout passes;
    /// <paramref name="onWaiting"/> gets its status and the time waited after each round that changes nothing.
    /// Throws <see cref="KeyNotFoundException"/> when the script disappears.
    /// </summary>
    public async Task<ApprovalOutcome> WaitForApprovalAsync(string id, Action<string, TimeSpan> onWaiting, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var script = await _client.FindScheduledScriptAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Scheduled script '{id}' no longer exists.");
            if (IsStatus(script, "scheduled") || IsStatus(script, "launched")) return ApprovalOutcome.ApprovedAs(script);
            if (IsStatus(script, "cancelled")) return ApprovalOutcome.CancelledAs(script);
            if (_timeout is { } limit && watch.Elapsed >= limit) return ApprovalOutcome.TimedOutAs(script);
            onWaiting(script.Status, watch.Elapsed);
            await Task.Delay(NextWait(watch.Elapsed), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls the scripts until none has a pending site. Every round reports one event per script still followed;
    /// a script stops being followed once it is finished, cancelled, timed out or cannot be read, and one that
    /// cannot be read never hides the others.
    /// </summary>
    public async Task WaitForSitesAsync(IReadOnlyList<string> ids, Action<ScheduledScriptEvent> onEvent, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var waiting = ids.Distinct(StringComparer.Ordinal).ToList();
        while (waiting.Count > 0)
        {
            var pending = new List<(string Id, ScriptProgressDto Progress)>();
            foreach (var id in waiting)
            {
                ScriptProgressDto progress;
                try
                {
                    progress = await _client.GetProgressAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    onEvent(new ScheduledScriptEvent(id, ScheduledScriptEventKind.Failed, null, null, ex));
                    continue;
                }
                if (progress.Pending.Count == 0) onEvent(new ScheduledScriptEvent(id, ScheduledScriptEventKind.Finished, progress, null, null));
                else pending.Add((id, progress));
            }
            // Only the pending ones need their status (cancelled or not); no request when none is pending.
            var scripts = await _client.FindScheduledScriptsAsync(pending.Select(p => p.Id), cancellationToken).ConfigureAwait(false);
            var timedOut = _timeout is { } limit && watch.Elapsed >= limit;
            var stillWaiting = new List<string>();
            foreach (var (id, progress) in pending)
            {
                scripts.TryGetValue(id, out var script);
                var status = script?.Status;
                var kind = script is not null && IsStatus(script, "cancelled") ? ScheduledScriptEventKind.Cancelled
                    : timedOut ? ScheduledScriptEventKind.TimedOut
                    : ScheduledScriptEventKind.Waiting;
                onEvent(new ScheduledScriptEvent(id, kind, progress, status, null, script?.LaunchAt));
                if (kind == ScheduledScriptEventKind.Waiting) stillWaiting.Add(id);
            }
            waiting = stillWaiting;
            if (waiting.Count > 0) await Task.Delay(NextWait(watch.Elapsed), cancellationToken).ConfigureAwait(false);
        }
    }

    // The last wait ends at the time limit, not a whole poll interval after it; one more look then decides.
    private TimeSpan NextWait(TimeSpan elapsed)
    {
        if (_timeout is not { } limit || limit - elapsed >= _pollInterval) return _pollInterval;
        return limit > elapsed ? limit - elapsed : TimeSpan.Zero;
    }

    private static bool IsStatus(ScheduledScriptDto script, string status) => string.Equals(script.Status, status, StringComparison.OrdinalIgnoreCase);
}
