using System;
using System.Linq;
using Altostrat.Emulator.Storage;
using Xunit;

namespace Altostrat.Tests.Emulator;

public class ScheduledScriptStoreTests
{
    [Fact]
    public void Listing_with_progress_a_page_at_a_time_gives_each_script_its_own_site_states()
    {
        using var database = new EmulatorDatabase(null);
        var store = new ScheduledScriptStore(database);
        var launch = DateTimeOffset.UtcNow.AddHours(1);
        for (var i = 0; i < 11; i++)
        {
            var id = $"script-{i:00}";
            store.Insert(new ScheduledScriptRecord { Id = id, Description = id, Script = "/x", LaunchAt = launch, Sites = { "a", "b", "c" } });
            // Different states per script, so a run attributed to the wrong script shows.
            if (i % 3 == 0) continue;
            store.StartSiteRuns(id, new[] { ("a", SiteRunState.Pending), ("b", SiteRunState.Pending) }, launch);
            store.FinishSiteRun(id, "a", i % 2 == 0 ? SiteRunState.Completed : SiteRunState.Failed);
        }

        // Pages of 4: boundaries after the 4th and 8th script, and a short last page.
        var listed = store.AllWithProgress(pageSize: 4).ToList();

        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"script-{i:00}"), listed.Select(l => l.Record.Id));
        foreach (var (record, progress) in listed)
        {
            var expected = store.Progress(record);
            Assert.Equal(expected.Completed, progress.Completed);
            Assert.Equal(expected.Failed, progress.Failed);
            Assert.Equal(expected.Pending, progress.Pending);
        }
        Assert.Equal(new[] { "a" }, listed[1].Progress.Failed);
        Assert.Equal(new[] { "a" }, listed[2].Progress.Completed);
        Assert.Equal(new[] { "a", "b", "c" }, listed[3].Progress.Pending);
    }

    [Fact]
    public void The_workflow_reads_only_the_scripts_that_are_due()
    {
        using var database = new EmulatorDatabase(null);
        var store = new ScheduledScriptStore(database);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        void Add(string id, string status, DateTimeOffset launchAt, DateTimeOffset? requestedAt) => store.Insert(new ScheduledScriptRecord
        {
            Id = id, Description = id, Script = "/x", Status = status, LaunchAt = launchAt, AuthorizationRequestedAt = requestedAt, Sites = { "a" },
        });
        Add("requested-long-ago", ScriptStatus.Unauthorized, now.AddHours(1), now.AddSeconds(-10));
        Add("requested-just-now", ScriptStatus.Unauthorized, now.AddHours(1), now.AddMilliseconds(-1));
        Add("never-requested", ScriptStatus.Unauthorized, now.AddHours(1), null);
        Add("due", ScriptStatus.Scheduled, now, now.AddHours(-1));
        Add("overdue", ScriptStatus.Scheduled, now.AddDays(-1), now.AddDays(-2));
        Add("later", ScriptStatus.Scheduled, now.AddTicks(10), now.AddHours(-1));
        Add("cancelled", ScriptStatus.Cancelled, now.AddDays(-1), now.AddDays(-2));

        Assert.Equal(new[] { "requested-long-ago" }, store.AwaitingApproval(now.AddSeconds(-5)).Select(r => r.Id));
        Assert.Equal(new[] { "requested-just-now", "requested-long-ago" }, store.AwaitingApproval(now).Select(r => r.Id).OrderBy(id => id));
        Assert.Equal(new[] { "due", "overdue" }, store.DueToLaunch(now).Select(r => r.Id).OrderBy(id => id));
    }
}
