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
}
