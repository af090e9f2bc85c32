using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator;
using Altostrat.Emulator.Storage;
using Altostrat.Emulator.Workflow;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>The emulator's workflow over real HTTP, with a clock the test moves so nothing waits on wall time.</summary>
public sealed class WorkflowTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ScheduledScriptWriteRequest Script(DateTimeOffset launchAt, params string[] sites) => new()
    {
        Description = "d", Script = "/system identity print", LaunchAt = launchAt, Sites = sites.ToList(),
    };

    [Fact]
    public async Task With_simulated_routers_a_launched_script_really_runs_and_progress_reports_what_happened()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var host = await TestEmulator.StartAsync(o =>
        {
            o.SimulateRouters = true;
            o.FailingSites.Add(SiteStore.SiteId(2));
            o.AutoApproveAfter = TimeSpan.Zero;
        }, clock, runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var client = session.Client;
        var none = CancellationToken.None;
        var request = Script(clock.Now.AddMinutes(10), SiteStore.SiteId(1), SiteStore.SiteId(2), SiteStore.SiteId(3));
        request.Script = "/system identity set name=\"renamed-by-sdx\"";
        var created = await client.CreateScheduledScriptAsync(request, none);
        await client.RequestAuthorizationAsync(created.Id, none);
        WorkflowRunner.Tick(host.State);
        clock.Now = created.LaunchAt!.Value.AddSeconds(1);
        WorkflowRunner.Tick(host.State);

        // The routers finish in real time, whatever the emulator's clock says.
        var progress = await client.GetProgressAsync(created.Id, none);
        for (var i = 0; i < 100 && progress.Pending.Count > 0; i++)
        {
            await Task.Delay(50);
            progress = await client.GetProgressAsync(created.Id, none);
        }
        Assert.Equal(new[] { SiteStore.SiteId(1), SiteStore.SiteId(3) }, progress.Completed.OrderBy(s => s));
        Assert.Equal(new[] { SiteStore.SiteId(2) }, progress.Failed);
        var routers = host.State.Routers!.BySite;
        Assert.Equal("renamed-by-sdx", routers[SiteStore.SiteId(1)].Configuration.Menu("/system/identity").Items[0]["name"]);
        Assert.NotEqual("renamed-by-sdx", routers[SiteStore.SiteId(4)].Configuration.Menu("/system/identity").Items[0]["name"]);
        Assert.Equal(1, routers[SiteStore.SiteId(3)].Processor.CompletedScriptRuns);
        Assert.Equal(0, routers[SiteStore.SiteId(2)].Processor.CompletedScriptRuns);

        // An asynchronous job runs on its site's router too.
        await client.QueueAsyncJobAsync(SiteStore.SiteId(4), new AsyncJobRequest { Description = "job", Script = "/ip address add address=10.44.0.1/24 interface=ether2" }, Guid.NewGuid().ToString(), none);
        WorkflowRunner.Tick(host.State);
        for (var i = 0; i < 100 && routers[SiteStore.SiteId(4)].Processor.CompletedScriptRuns == 0; i++) await Task.Delay(50);
        Assert.Contains(routers[SiteStore.SiteId(4)].Configuration.Menu("/ip/address").Items, a => a["address"] == "10.44.0.1/24");
        for (var i = 0; i < 100 && host.State.Jobs.Unfinished().Count > 0; i++) await Task.Delay(50);
        Assert.Empty(host.State.Jobs.Unfinished());
    }

    [Fact]
    public async Task A_script_goes_unauthorized_scheduled_launched_and_each_site_completes_or_fails()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var host = await TestEmulator.StartAsync(o =>
        {
            o.FailingSites.Add(SiteStore.SiteId(2));
            o.AutoApproveAfter = TimeSpan.FromSeconds(5);
            o.SiteRunDuration = TimeSpan.FromSeconds(30);
        }, clock, runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var client = session.Client;
        var none = CancellationToken.None;

        var created = await client.CreateScheduledScriptAsync(Script(clock.Now.AddMinutes(10), SiteStore.SiteId(1), SiteStore.SiteId(2)), none);
        Assert.Equal("unauthorized", created.Status);
        Assert.Equal("in 10 minutes", created.TMinus);

        WorkflowRunner.Tick(host.State);
        Assert.Equal("unauthorized", (await client.FindScheduledScriptAsync(created.Id, none))!.Status);

        await client.RequestAuthorizationAsync(created.Id, none);
        clock.Now = clock.Now.AddSeconds(6);
        WorkflowRunner.Tick(host.State);
        var approved = (await client.FindScheduledScriptAsync(created.Id, none))!;
        Assert.Equal("scheduled", approved.Status);
        Assert.NotNull(approved.AuthorizedAt);

        clock.Now = created.LaunchAt!.Value.AddSeconds(1);
        WorkflowRunner.Tick(host.State);
        var launched = (await client.FindScheduledScriptAsync(created.Id, none))!;
        Assert.Equal("launched", launched.Status);
        Assert.Equal(clock.Now, launched.StartedAt);
        Assert.Equal(2, (await client.GetProgressAsync(created.Id, none)).Pending.Count);

        clock.Now = clock.Now.AddSeconds(31);
        WorkflowRunner.Tick(host.State);
        var progress = await client.GetProgressAsync(created.Id, none);
        Assert.Equal(new[] { SiteStore.SiteId(1) }, progress.Completed);
        Assert.Equal(new[] { SiteStore.SiteId(2) }, progress.Failed);
        Assert.Empty(progress.Pending);

        var error = await Assert.ThrowsAsync<AltoApiException>(() => client.UpdateScheduledScriptAsync(created.Id, ScheduledScriptWriteRequest.From(launched), none));
        Assert.Equal("script_not_editable", error.Code);
    }

    [Fact]
    public async Task An_update_resets_authorization()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var none = CancellationToken.None;
        var created = await session.Client.CreateScheduledScriptAsync(Script(DateTimeOffset.UtcNow.AddHours(1), SiteStore.SiteId(1)), none);
        WorkflowRunner.Approve(host.State, host.State.Scripts.Find(created.Id)!);
        Assert.Equal("scheduled", (await session.Client.FindScheduledScriptAsync(created.Id, none))!.Status);
        var updated = await session.Client.UpdateScheduledScriptAsync(created.Id, ScheduledScriptWriteRequest.From(created), none);
        Assert.Equal("unauthorized", updated.Status);
        Assert.Null(updated.AuthorizedAt);
    }

    [Fact]
    public async Task The_approve_control_endpoint_approves_an_unauthorized_script()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var created = await session.Client.CreateScheduledScriptAsync(Script(DateTimeOffset.UtcNow.AddHours(1), SiteStore.SiteId(1)), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = host.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Token);
        var response = await http.PostAsync($"_emulator/scripts/{created.Id}/approve", null);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("scheduled", (await session.Client.FindScheduledScriptAsync(created.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Cancelling_sets_cancelled_at_and_a_cancelled_script_cannot_be_authorized()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var session = TestEmulator.Connect(host);
        var none = CancellationToken.None;
        var created = await session.Client.CreateScheduledScriptAsync(Script(DateTimeOffset.UtcNow.AddHours(1), SiteStore.SiteId(1)), none);
        await session.Client.CancelScheduledScriptAsync(created.Id, none);
        var cancelled = (await session.Client.FindScheduledScriptAsync(created.Id, none))!;
        Assert.Equal("cancelled", cancelled.Status);
        Assert.NotNull(cancelled.CancelledAt);
        var error = await Assert.ThrowsAsync<AltoApiException>(() => session.Client.RequestAuthorizationAsync(created.Id, none));
        Assert.Equal(422, (int)error.StatusCode);
    }

    [Theory]
    [InlineData("sites", "[]")]
    [InlineData("sites", "[\"site_unknown\"]")]
    [InlineData("description", "\"\"")]
    [InlineData("script", "null")]
    [InlineData("make_backup", "\"yes\"")]
    public async Task Invalid_create_bodies_are_refused_with_422(string field, string value)
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = new HttpClient { BaseAddress = host.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Token);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["make_backup"] = false, ["abort_if_offline"] = false, ["description"] = "d", ["script"] = "/system identity print",
            ["launch_at"] = Altostrat.Engine.Time.ApiTimestamp.Format(DateTimeOffset.UtcNow.AddDays(1)), ["sites"] = new System.Text.Json.Nodes.JsonArray(SiteStore.SiteId(1)), ["notify"] = new System.Text.Json.Nodes.JsonArray(),
        };
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var response = await http.PostAsync("scripts/scheduled", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
        Assert.Empty(host.State.Scripts.All());
    }

    [Theory]
    [InlineData("block tcp port 23", "dst-port=23", true)]
    [InlineData("please block udp port 161", "protocol=udp dst-port=161", true)]
    [InlineData("set identity to core-01", "/system identity set name=\"core-01\"", false)]
    [InlineData("add address 10.0.0.1/24 to ether2", "address=10.0.0.1/24 interface=ether2", true)]
    [InlineData("use dns 1.1.1.1, 9.9.9.9", "servers=1.1.1.1,9.9.9.9", false)]
    [InlineData("block 192.0.2.7", "chain=forward", false)]
    [InlineData("reboot the router tonight", "/system reboot", true)]
    public void Gen_ai_answers_common_intents_deterministically(string prompt, string expected, bool destructive)
    {
        var first = Altostrat.Emulator.Ai.ScriptGenerator.Generate(prompt);
        Assert.Contains(expected, first.Content);
        Assert.Equal(destructive, first.Destructive);
        Assert.Null(first.Error);
        Assert.Equal(first, Altostrat.Emulator.Ai.ScriptGenerator.Generate(prompt));
    }

    [Fact]
    public void Gen_ai_says_so_when_it_cannot_serve_a_prompt()
    {
        var result = Altostrat.Emulator.Ai.ScriptGenerator.Generate("write me a poem about routers");
        Assert.Equal("", result.Content);
        Assert.Contains("cannot write a script", result.Error);
    }

    [Fact]
    public async Task State_survives_a_restart_when_kept_in_a_SQLite_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"alto-emulator-{Guid.NewGuid():N}.db");
        try
        {
            string id;
            await using (var first = await TestEmulator.StartAsync(o => o.DatabasePath = path, runWorkflow: false))
            using (var session = TestEmulator.Connect(first))
                id = (await session.Client.CreateScheduledScriptAsync(Script(DateTimeOffset.UtcNow.AddHours(1), SiteStore.SiteId(1)), CancellationToken.None)).Id;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var second = await TestEmulator.StartAsync(o => o.DatabasePath = path, runWorkflow: false);
            using var again = TestEmulator.Connect(second);
            Assert.NotNull(await again.Client.FindScheduledScriptAsync(id, CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(file)) File.Delete(file);
        }
    }

    [Fact]
    public void T_minus_reads_like_the_API()
    {
        var now = new DateTimeOffset(2025, 10, 30, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("in 2 days", Altostrat.Emulator.Api.TMinus.Describe(now.AddDays(2).AddHours(3), now));
        Assert.Equal("in 1 hour", Altostrat.Emulator.Api.TMinus.Describe(now.AddMinutes(61), now));
        Assert.Equal("5 minutes ago", Altostrat.Emulator.Api.TMinus.Describe(now.AddMinutes(-5), now));
    }
}
