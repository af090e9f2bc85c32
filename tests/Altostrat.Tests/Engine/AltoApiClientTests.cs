using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Http;
using Altostrat.Tests.Support;
using System.IO;
using Xunit;

namespace Altostrat.Tests.Engine;

/// <summary>The engine's client against the emulator over real loopback HTTP.</summary>
public sealed class AltoApiClientTests
{
    private static ScheduledScriptWriteRequest NewScript(params string[] sites) => new()
    {
        Description = "Block telnet", Script = "/ip firewall filter add chain=input protocol=tcp dst-port=23 action=drop",
        LaunchAt = DateTimeOffset.UtcNow.AddHours(1), Sites = sites.ToList(), Notify = { "auth0|ops" },
    };

    [Fact]
    public async Task Creates_lists_and_updates_a_scheduled_script()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host);
        var created = await session.Client.CreateScheduledScriptAsync(NewScript(SiteStore.SiteId(1), SiteStore.SiteId(2)), CancellationToken.None);
        Assert.Equal("unauthorized", created.Status);
        Assert.Equal(new[] { SiteStore.SiteId(1), SiteStore.SiteId(2) }, created.Sites);

        var listed = new List<ScheduledScriptDto>();
        await session.Client.ListScheduledScriptsAsync(listed.Add, CancellationToken.None);
        Assert.Equal(created.Id, Assert.Single(listed).Id);

        var change = ScheduledScriptWriteRequest.From(created);
        change.Description = "Block telnet everywhere";
        var updated = await session.Client.UpdateScheduledScriptAsync(created.Id, change, CancellationToken.None);
        Assert.Equal("Block telnet everywhere", updated.Description);
        Assert.Equal(created.Script, updated.Script);
    }

    [Fact]
    public async Task A_next_page_on_another_server_is_not_followed_so_the_token_goes_nowhere_else()
    {
        await using var elsewhere = new CannedHttpServer(200, """{ "data": [], "links": {} }""");
        await using var api = new CannedHttpServer(200, $$"""{ "data": [ { "id": "t1", "name": "first page" } ], "links": { "next": "{{elsewhere.Url}}steal" } }""");
        using var session = new AltoApiSession(new AltoApiOptions { ApiUrl = api.Url, Token = "secret-token-not-for-others" });
        var seen = new List<TemplateDto>();

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => session.Client.ListTemplatesAsync(true, seen.Add, CancellationToken.None));

        Assert.Equal("first page", Assert.Single(seen).Name);
        Assert.Contains("on another server", refused.Message);
        Assert.Equal(0, elsewhere.Requests);
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_not_read_into_memory()
    {
        var content = new string('x', 4096);
        await using var api = new CannedHttpServer(200, $$"""{ "filename": "b.rsc", "content": "{{content}}" }""");
        using var session = new AltoApiSession(new AltoApiOptions { ApiUrl = api.Url, Token = "t", MaxResponseBytes = 1024 });

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => session.Client.GetBackupAsync("site_1", "b.rsc", CancellationToken.None));

        Assert.Contains("larger than 1,024 bytes", refused.Message);
        Assert.Contains("GET " + api.Url + "backup/site_1/b.rsc", refused.Message);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_carrying_the_API_fields_and_never_the_token()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host, token: "wrong-secret-token-123");
        var lines = new List<string>();
        ApiDiagnostics.Sink = lines.Add;
        var error = await Assert.ThrowsAsync<AltoApiException>(() => session.Client.ListScheduledScriptsAsync(_ => { }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthenticated", error.Code);
        Assert.Equal("authentication_error", error.ErrorType);
        Assert.StartsWith("https://docs.altostrat.io/errors/", error.DocUrl);
        Assert.DoesNotContain("wrong-secret-token-123", error.ToString());
        Assert.Contains(lines, line => line.StartsWith("GET http://127.0.0.1:", StringComparison.Ordinal) && line.Contains("-> 401"));
        Assert.All(lines, line => Assert.DoesNotContain("wrong-secret-token-123", line));
    }

    [Fact]
    public async Task A_past_launch_time_is_a_422_with_the_APIs_code()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host);
        var request = NewScript(SiteStore.SiteId(1));
        request.LaunchAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var error = await Assert.ThrowsAsync<AltoApiException>(() => session.Client.CreateScheduledScriptAsync(request, CancellationToken.None));
        Assert.Equal(422, (int)error.StatusCode);
        Assert.Equal("parameter_invalid", error.Code);
        Assert.Contains("launch_at", error.ApiMessage);
    }

    [Fact]
    public async Task Queueing_twice_with_one_idempotency_key_queues_one_job()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host);
        var body = new AsyncJobRequest { Description = "identity", Script = "/system identity print" };
        var first = await session.Client.QueueAsyncJobAsync(SiteStore.SiteId(1), body, "key-42", CancellationToken.None);
        var again = await session.Client.QueueAsyncJobAsync(SiteStore.SiteId(1), body, "key-42", CancellationToken.None);
        Assert.Equal(first.Data!.RequestId, again.Data!.RequestId);
        Assert.Equal("key-42", first.Data.IdempotencyKey);
        Assert.Single(host.State.Jobs.ForSite(SiteStore.SiteId(1)));
    }

    [Fact]
    public async Task Generates_a_script_and_reports_token_usage()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host);
        var response = await session.Client.GenerateScriptAsync("block tcp port 23", CancellationToken.None);
        var item = Assert.Single(response.Response);
        Assert.Contains("dst-port=23", item.Content);
        Assert.True(item.Destructive);
        Assert.Equal(response.TokenUsage!.Prompt + response.TokenUsage.Completion, response.TokenUsage.Total);
        Assert.StartsWith("cmpl-", response.ResponseId);
    }

    [Fact]
    public async Task Lists_every_item_of_a_long_list_in_order()
    {
        await using var host = await TestEmulator.StartAsync();
        ScriptSeeder.Seed(host.State, 3000);
        using var session = TestEmulator.Connect(host);
        var descriptions = new List<string>();
        await session.Client.ListScheduledScriptsAsync(s => descriptions.Add(s.Description), CancellationToken.None);
        Assert.Equal(3000, descriptions.Count);
        Assert.Equal("Seeded script 0", descriptions[0]);
        Assert.Equal("Seeded script 2999", descriptions[^1]);
    }

    [Fact]
    public async Task Cancelling_a_list_stops_it()
    {
        await using var host = await TestEmulator.StartAsync();
        ScriptSeeder.Seed(host.State, 3000);
        using var session = TestEmulator.Connect(host);
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Client.ListScheduledScriptsAsync(_ =>
        {
            if (++seen == 10) cancel.Cancel();
        }, cancel.Token));
        Assert.InRange(seen, 10, 2999);
    }
}
