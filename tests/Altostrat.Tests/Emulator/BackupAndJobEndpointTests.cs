using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator;
using Altostrat.Emulator.Storage;
using Altostrat.Emulator.Workflow;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>
/// The emulator's backup endpoints (both path forms) and site job cancellation, over real HTTP: backups are made
/// from the site router's real configuration on the workflow's clock, the diff is a real unified diff.
/// </summary>
public sealed class BackupAndJobEndpointTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static HttpClient Http(EmulatorHost host)
    {
        var http = new HttpClient { BaseAddress = host.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Token);
        return http;
    }

    private static async Task<(int Status, string Text, string? ContentType)> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null, string? header = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (header is not null) request.Headers.Add(header, "true");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_requested_backup_is_the_routers_export_made_after_the_backup_duration_and_listed_newest_first()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        await using var host = await TestEmulator.StartAsync(o => { o.SimulateRouters = true; o.BackupDuration = TimeSpan.FromSeconds(5); }, clock, runWorkflow: false);
        using var http = Http(host);
        var site = SiteStore.SiteId(1);

        var requested = await SendAsync(http, HttpMethod.Post, $"backup/{site}");
        Assert.Equal(202, requested.Status);
        Assert.Equal("Backup requested", (string?)JsonNode.Parse(requested.Text)!["message"]);
        WorkflowRunner.Tick(host.State);
        Assert.Equal("[]", (await SendAsync(http, HttpMethod.Get, $"backup/{site}")).Text);

        clock.Now = clock.Now.AddSeconds(5);
        WorkflowRunner.Tick(host.State);
        var first = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"backup/{site}")).Text)!.AsArray();
        var entry = Assert.Single(first)!;
        Assert.Equal($"{clock.Now.ToUnixTimeSeconds()}.rsc", (string?)entry["filename"]);
        Assert.Matches(@"^\d+(\.\d)?(B|KB)$", (string?)entry["size"]);
        Assert.Equal("2026-03-01T02:00:05.000000Z", (string?)entry["created_at"]);

        // The router's configuration changes; the next backup has it, and both path forms list both, newest first.
        Assert.True(await host.State.Routers!.RunAsync(site, "/ip address add address=10.1.1.1/24 interface=ether2", false, CancellationToken.None));
        clock.Now = clock.Now.AddMinutes(1);
        Assert.Equal(202, (await SendAsync(http, HttpMethod.Post, $"sites/{site}/backups")).Status);
        clock.Now = clock.Now.AddSeconds(5);
        WorkflowRunner.Tick(host.State);
        var listed = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"sites/{site}/backups")).Text)!.AsArray();
        Assert.Equal(2, listed.Count);
        var newest = (string)listed[0]!["filename"]!;
        var oldest = (string)listed[1]!["filename"]!;
        Assert.True(string.CompareOrdinal(newest, oldest) > 0);

        var one = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"backup/{site}/{newest}")).Text)!;
        var content = (string)one["content"]!;
        Assert.StartsWith($"# 2026-03-01 02:01:10 by RouterOS {Altostrat.Emulator.Routers.SimulatedRouterOptions.DefaultVersion}\n# software id = ", content);
        Assert.Contains("/ip address\nadd address=192.168.88.1/24", content);
        Assert.Contains("add address=10.1.1.1/24 interface=ether2", content);
        Assert.DoesNotContain("10.1.1.1", host.State.Backups.Find(site, oldest)!.Content);

        var raw = await SendAsync(http, HttpMethod.Get, $"sites/{site}/backups/{newest}", header: "X-View");
        Assert.Equal(("text/plain", content), (raw.ContentType, raw.Text));
        var html = await SendAsync(http, HttpMethod.Get, $"backup/{site}/{newest}", header: "X-Highlight");
        Assert.Equal("text/html", html.ContentType);
        Assert.Contains("<span class=\"menu\">/ip address</span>", html.Text);

        var diff = await SendAsync(http, HttpMethod.Get, $"sites/{site}/backups/{oldest}/diff/{newest}");
        Assert.Equal(200, diff.Status);
        Assert.Equal("text/plain", diff.ContentType);
        var lines = diff.Text.Split('\n');
        Assert.Equal($"--- {oldest}", lines[0]);
        Assert.Equal($"+++ {newest}", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("@@ -1") && l.EndsWith(" @@"));
        Assert.Contains("+add address=10.1.1.1/24 interface=ether2 network=10.1.1.0", lines);
        Assert.Contains(lines, l => l.StartsWith("-# 2026-03-01 02:00:05 by RouterOS"));
    }

    [Fact]
    public async Task Backups_of_unknown_sites_and_files_are_404_and_the_latest_of_many_sites_come_in_one_answer()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        SdxSeeder.SeedBackups(host.State, 2);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Get, "backup/site_nope")).Status);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Get, $"backup/{SiteStore.SiteId(1)}/1.rsc")).Status);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Post, "backup/site_nope")).Status);

        var body = new JsonObject { ["sites"] = new JsonArray(SiteStore.SiteId(1), SiteStore.SiteId(2), "site_nope") }.ToJsonString();
        var latest = JsonNode.Parse((await SendAsync(http, HttpMethod.Post, "backups/latest", body)).Text)!;
        Assert.Equal(3, (int)latest["total_sites"]!);
        Assert.Equal(2, (int)latest["successful"]!);
        Assert.Equal(host.State.Backups.Latest(SiteStore.SiteId(2))!.Filename, (string?)latest["results"]![SiteStore.SiteId(2)]!["filename"]);
        Assert.NotNull(latest["errors"]!["site_nope"]);
        Assert.Equal(422, (await SendAsync(http, HttpMethod.Post, "backups/latest", "{\"sites\":[]}")).Status);
    }

    [Fact]
    public async Task A_job_can_be_cancelled_until_it_starts_and_then_the_API_says_it_already_started()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        await using var host = await TestEmulator.StartAsync(o => o.JobStartDelay = TimeSpan.FromSeconds(10), clock, runWorkflow: false);
        using var http = Http(host);
        var site = SiteStore.SiteId(1);
        const string Job = "{\"description\":\"d\",\"script\":\"/system identity print\"}";
        Assert.Equal(202, (await SendAsync(http, HttpMethod.Post, $"api/asynchronous/{site}", Job)).Status);
        Assert.Equal(202, (await SendAsync(http, HttpMethod.Post, $"api/asynchronous/{site}", Job)).Status);
        var jobs = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"site/{site}/job")).Text)!.AsArray();
        var (first, second) = ((string)jobs[0]!["id"]!, (string)jobs[1]!["id"]!);

        WorkflowRunner.Tick(host.State);
        Assert.All(host.State.Jobs.ForSite(site), j => Assert.Null(j.StartedAt)); // before the start delay: still pending
        Assert.Equal(204, (await SendAsync(http, HttpMethod.Delete, $"site/{site}/job/{first}")).Status);

        clock.Now = clock.Now.AddSeconds(10);
        WorkflowRunner.Tick(host.State);
        var refused = await SendAsync(http, HttpMethod.Delete, $"site/{site}/job/{second}");
        Assert.Equal(422, refused.Status);
        Assert.Equal("job_already_started", (string?)JsonNode.Parse(refused.Text)!["code"]);
        Assert.Equal(second, Assert.Single(host.State.Jobs.ForSite(site)).Id);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Delete, $"site/{site}/job/{first}")).Status);
    }

    [Fact]
    public async Task A_job_that_asks_for_a_backup_gets_one_of_the_configuration_it_starts_from()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        var site = SiteStore.SiteId(4);
        Assert.Equal(202, (await SendAsync(http, HttpMethod.Post, $"api/asynchronous/{site}", "{\"description\":\"d\",\"script\":\"/system identity print\",\"make_backup\":true}")).Status);
        Assert.Equal(202, (await SendAsync(http, HttpMethod.Post, $"api/asynchronous/{site}", "{\"description\":\"e\",\"script\":\"/system identity print\"}")).Status);
        var before = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"site/{site}/job")).Text)!.AsArray();
        Assert.All(before, j => Assert.Null((string?)j!["associated_backup"]));

        WorkflowRunner.Tick(host.State);
        var jobs = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, $"site/{site}/job")).Text)!.AsArray();
        var backup = (string?)jobs.Single(j => (bool)j!["should_backup"]!)!["associated_backup"];
        Assert.Equal(Assert.Single(host.State.Backups.List(site)).Filename, backup);
        Assert.Null((string?)jobs.Single(j => !(bool)j!["should_backup"]!)!["associated_backup"]);
    }
}
