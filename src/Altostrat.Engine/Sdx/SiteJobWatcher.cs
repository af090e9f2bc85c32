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
/// Follows site jobs until each has completed, failed or disappeared (cancelled): every round, one list request per
/// site that still has an unfinished job (never one per job), concurrently up to the fan-out limit. Reports through
/// callbacks, from any thread: a job's first sighting and each change of state, its end, a site that cannot be read,
/// and the count after each round.
/// </summary>
public sealed class SiteJobWatcher
{
    private readonly AltoApiClient _client;
    private readonly int _concurrency;
    private readonly TimeSpan _pollInterval;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public SiteJobWatcher(AltoApiClient client, TimeSpan pollInterval, int concurrency = SiteFanOut.DefaultConcurrency,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _client = client;
        _pollInterval = pollInterval;
        _concurrency = concurrency;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>A job changed state (not yet final).</summary>
    public Action<SiteJobKey, SiteJobDto>? Changed { get; set; }

    /// <summary>A job is done: its final dto (null when it is no longer listed) and state.</summary>
    public Action<SiteJobKey, SiteJobDto?, SiteJobState>? Finished { get; set; }

    /// <summary>A site's list could not be read; its jobs are no longer followed.</summary>
    public Action<string, IReadOnlyList<SiteJobKey>, Exception>? SiteFailed { get; set; }

    /// <summary>After each round: jobs finished so far, jobs in all.</summary>
    public Action<int, int>? Round { get; set; }

    /// <summary>List requests sent so far (one per site and round).</summary>
    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    /// <summary>
    /// Follows <paramref name="jobs"/> until all are finished or <paramref name="timeout"/> (null: none) passes; returns
    /// those still unfinished then, with the last state seen (null when never seen).
    /// </summary>
    public async Task<IReadOnlyList<(SiteJobKey Key, SiteJobDto? Last)>> WatchAsync(IReadOnlyList<SiteJobKey> jobs, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = new Dictionary<SiteJobKey, SiteJobDto?>();
        var open = new List<SiteJobKey>(jobs);
        foreach (var job in jobs) last[job] = null;
        var finished = 0;
        var gate = new object();
        while (open.Count > 0)
        {
            var bySite = open.GroupBy(j => j.SiteId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var closed = new HashSet<SiteJobKey>();
            await SiteFanOut.RunAsync(bySite.Keys.ToList(), _concurrency, async (site, token) =>
            {
                var listed = new List<SiteJobDto>();
                Interlocked.Increment(ref _requests);
                await _client.ListSiteJobsAsync(site, listed.Add, token).ConfigureAwait(false);
                foreach (var key in bySite[site])
                {
                    var dto = listed.FirstOrDefault(key.Matches);
                    SiteJobDto? previous;
                    lock (gate) previous = last[key];
                    if (dto is null)
                    {
                        // Listed before and gone now, or never listed: the API removes a cancelled job.
                        lock (gate) { closed.Add(key); finished++; }
                        Finished?.Invoke(key, previous, SiteJobState.Cancelled);
                        continue;
                    }
                    lock (gate) last[key] = dto;
                    var state = dto.State;
                    if (state is SiteJobState.Completed or SiteJobState.Failed)
                    {
                        lock (gate) { closed.Add(key); finished++; }
                        Finished?.Invoke(key, dto, state);
                    }
                    else if (previous is null || previous.State != state)
                    {
                        Changed?.Invoke(key, dto);
                    }
                }
            }, (site, error) =>
            {
                var keys = bySite[site];
                lock (gate) { foreach (var key in keys) closed.Add(key); finished += keys.Count; }
                SiteFailed?.Invoke(site, keys, error);
            }, cancellationToken).ConfigureAwait(false);

            open.RemoveAll(closed.Contains);
            Round?.Invoke(finished, jobs.Count);
            if (open.Count == 0) break;
            var remaining = timeout is { } t ? t - clock.Elapsed : (TimeSpan?)null;
            if (remaining is { } r && r <= TimeSpan.Zero) break;
            var wait = remaining is { } r2 && r2 < _pollInterval ? r2 : _pollInterval;
            await _delay(wait, cancellationToken).ConfigureAwait(false);
            if (timeout is { } t2 && clock.Elapsed >= t2)
            {
                // One last look at the deadline, so a job that ended during the wait is reported as ended.
                timeout = clock.Elapsed;
            }
        }
        return open.Select(k => (k, last[k])).ToList();
    }
}
