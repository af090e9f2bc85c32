using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Sdx;
using Altostrat.Emulator.Storage;
using Altostrat.Emulator.Workflow;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Engine;

/// <summary>SiteJobWatcher against the emulator on a loopback port, its clock moved by the watcher's own waits.</summary>
public sealed class SiteJobWatcherTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<List<SiteJobKey>> QueueAsync(Altostrat.Engine.Http.AltoApiClient client, string site, int count)
    {
        var keys = new List<SiteJobKey>();
        for (var i = 0; i < count; i++)
        {
            var key = Guid.NewGuid().ToString();
            await client.QueueAsyncJobAsync(site, new AsyncJobRequest { Description = "d" + i, Script = "/system identity print" }, key, CancellationToken.None);
            keys.Add(new SiteJobKey(site, null, key));
        }
        return keys;
    }

    [Fact]
    public async Task Jobs_are_followed_to_their_end_with_one_list_request_per_site_and_round()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        await using var host = await TestEmulator.StartAsync(o =>
        {
            o.SiteRunDuration = TimeSpan.FromSeconds(2);
            o.JobStartDelay = TimeSpan.FromSeconds(1);
            o.FailingSites.Add(SiteStore.SiteId(2));
        }, clock, runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var keys = (await QueueAsync(session.Client, SiteStore.SiteId(1), 3)).Concat(await QueueAsync(session.Client, SiteStore.SiteId(2), 3)).ToList();
        var cancelled = (await QueueAsync(session.Client, SiteStore.SiteId(1), 1)).Single();
        var cancelledJob = host.State.Jobs.ForSite(SiteStore.SiteId(1)).Single(j => j.IdempotencyKey == cancelled.IdempotencyKey);
        Assert.True(host.State.Jobs.RemoveIfNotStarted(SiteStore.SiteId(1), cancelledJob.Id, out _));
        keys.Add(cancelled);

        var rounds = 0;
        var finished = new List<(SiteJobKey Key, SiteJobState State)>();
        var changes = new List<SiteJobState>();
        var watcher = new SiteJobWatcher(session.Client, TimeSpan.FromSeconds(1), delay: (_, _) =>
        {
            clock.Now += TimeSpan.FromSeconds(1);
            WorkflowRunner.Tick(host.State);
            return Task.CompletedTask;
        })
        {
            Finished = (key, _, state) => { lock (finished) finished.Add((key, state)); },
            Changed = (_, dto) => { lock (changes) changes.Add(dto.State); },
            Round = (_, _) => rounds++,
        };
        var before = host.RecordedRequests.Count;
        var unfinished = await watcher.WatchAsync(keys, null, CancellationToken.None);

        Assert.Empty(unfinished);
        Assert.Equal(7, finished.Count);
        Assert.Equal(SiteJobState.Cancelled, finished.Single(f => f.Key == cancelled).State);
        Assert.All(finished.Where(f => f.Key.SiteId == SiteStore.SiteId(1) && f.Key != cancelled), f => Assert.Equal(SiteJobState.Completed, f.State));
        Assert.All(finished.Where(f => f.Key.SiteId == SiteStore.SiteId(2)), f => Assert.Equal(SiteJobState.Failed, f.State));
        Assert.Contains(SiteJobState.Pending, changes);
        Assert.Contains(SiteJobState.Running, changes);
        var reads = host.RecordedRequests.Skip(before).Where(r => r.Method == "GET").GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new[] { $"/site/{SiteStore.SiteId(1)}/job", $"/site/{SiteStore.SiteId(2)}/job" }, reads.Keys.OrderBy(k => k));
        Assert.True(rounds >= 3, $"{rounds} rounds");
        Assert.All(reads.Values, n => Assert.Equal(rounds, n));
        Assert.Equal(2 * rounds, watcher.Requests);
    }

    [Fact]
    public async Task At_the_timeout_the_unfinished_jobs_are_returned_with_their_last_state()
    {
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromHours(1), runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var keys = await QueueAsync(session.Client, SiteStore.SiteId(3), 2);
        var watcher = new SiteJobWatcher(session.Client, TimeSpan.FromSeconds(1));
        var unfinished = await watcher.WatchAsync(keys, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(2, unfinished.Count);
        Assert.All(unfinished, u => Assert.Equal(SiteJobState.Pending, u.Last!.State));
        Assert.Equal(1, watcher.Requests);
    }
}
