using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Engine.Contracts;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Contract;

/// <summary>Every request body the engine can send, as the emulator received it, validated against ../shared/openapi.yaml.</summary>
public sealed class RequestContractTests
{
    [Fact]
    public async Task Every_request_the_engine_sends_matches_the_OpenAPI_schemas()
    {
        await using var host = await TestEmulator.StartAsync();
        using var session = TestEmulator.Connect(host);
        var client = session.Client;
        var none = CancellationToken.None;

        var created = await client.CreateScheduledScriptAsync(new ScheduledScriptWriteRequest
        {
            Description = "Nightly", Script = "/system identity print", LaunchAt = DateTimeOffset.UtcNow.AddDays(1),
            Sites = { SiteStore.SiteId(1), SiteStore.SiteId(2) }, Notify = { "auth0|5f9d" }, TestSiteId = SiteStore.SiteId(1), MakeBackup = true,
        }, none);
        var update = ScheduledScriptWriteRequest.From(created);
        update.TestSiteId = null;
        await client.UpdateScheduledScriptAsync(created.Id, update, none);
        await client.RequestAuthorizationAsync(created.Id, none);
        await client.GenerateScriptAsync("set identity to core-01", none);
        await client.QueueAsyncJobAsync(SiteStore.SiteId(3), new AsyncJobRequest { Description = "d", Script = "/system identity print" }, Guid.NewGuid().ToString(), none);
        await client.QueueAsyncJobAsync(SiteStore.SiteId(3), new AsyncJobRequest
        {
            Description = "d", Script = "/system identity print", MakeBackup = true, ExpressExecute = true, NeedsAcknowledgement = true, NotifyUrl = "https://hooks.example.com/sdx",
        }, Guid.NewGuid().ToString(), none);

        var requests = host.RecordedRequests;
        Assert.Equal(6, requests.Count);
        foreach (var request in requests)
        {
            var (schema, errors) = request switch
            {
                { Method: "POST", Path: "/scripts/scheduled" } => ("ScheduledScriptCreate", await OpenApiContract.ErrorsAsync("ScheduledScriptCreate", request.Body)),
                { Method: "PUT" } when request.Path.StartsWith("/scripts/scheduled/") => ("ScheduledScriptUpdate", await OpenApiContract.ErrorsAsync("ScheduledScriptUpdate", request.Body)),
                { Method: "POST" } when request.Path.StartsWith("/api/asynchronous/") => ("AsynchronousScriptRequest", await OpenApiContract.ErrorsAsync("AsynchronousScriptRequest", request.Body)),
                { Method: "POST", Path: "/scripts/gen-ai" } => ("gen-ai request", (await OpenApiContract.InlineSchemaAsync("paths", "/scripts/gen-ai", "post", "requestBody", "content", "application/json", "schema"))
                    .Validate(request.Body).Select(e => e.ToString()).ToArray()),
                { Method: "GET" } when request.Path.EndsWith("/authorize") => ("no body", request.Body.Length == 0 ? Array.Empty<string>() : new[] { "GET carried a body" }),
                _ => ("unknown", new[] { $"{request.Method} {request.Path} is not an endpoint of the contract" }),
            };
            Assert.True(errors.Length == 0, $"{request.Method} {request.Path} does not match {schema}: {string.Join("; ", errors)}\n{request.Body}");
        }
        Assert.All(requests.Where(r => r.Path.StartsWith("/api/asynchronous/")), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey)));
    }

    [Fact]
    public async Task The_validator_rejects_a_body_that_breaks_the_contract()
    {
        // A validator that accepts everything would make the test above pass for nothing.
        var missingFields = await OpenApiContract.ErrorsAsync("ScheduledScriptCreate", """{"description":"x","script":"y"}""");
        Assert.Contains(missingFields, e => e.Contains("launch_at"));
        var wrongType = await OpenApiContract.ErrorsAsync("AsynchronousScriptRequest", """{"description":"x","script":"y","make_backup":"yes"}""");
        Assert.NotEmpty(wrongType);
        var badDate = await OpenApiContract.ErrorsAsync("ScheduledScriptCreate",
            """{"make_backup":true,"abort_if_offline":false,"description":"x","script":"y","launch_at":"tomorrow","sites":["a"],"notify":[]}""");
        Assert.NotEmpty(badDate);
    }

    [Fact]
    public async Task The_emulators_responses_match_the_OpenAPI_schemas()
    {
        await using var host = await TestEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.Token);
        async Task<(int Status, string Body)> Send(HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var launch = Altostrat.Engine.Time.ApiTimestamp.Format(DateTimeOffset.UtcNow.AddDays(2));
        var create = await Send(HttpMethod.Post, "scripts/scheduled",
            $$"""{"make_backup":true,"abort_if_offline":false,"description":"x","script":"/system identity print","launch_at":"{{launch}}","sites":["{{SiteStore.SiteId(1)}}"],"notify":[],"test_site_id":null}""");
        Assert.Equal(201, create.Status);
        Assert.Empty(await OpenApiContract.ErrorsAsync("ScheduledScript", create.Body));

        var list = await Send(HttpMethod.Get, "scripts/scheduled");
        Assert.Equal(200, list.Status);
        var listSchema = await OpenApiContract.InlineSchemaAsync("paths", "/scripts/scheduled", "get", "responses", "200", "content", "application/json", "schema");
        Assert.Empty(listSchema.Validate(list.Body));

        var ai = await Send(HttpMethod.Post, "scripts/gen-ai", """{"prompt":"block tcp port 23"}""");
        Assert.Equal(200, ai.Status);
        Assert.Empty(await OpenApiContract.ErrorsAsync("AiScriptResponse", ai.Body));

        var job = await Send(HttpMethod.Post, $"api/asynchronous/{SiteStore.SiteId(1)}", """{"description":"d","script":"/system identity print"}""");
        Assert.Equal(202, job.Status);
        Assert.Empty(await OpenApiContract.ErrorsAsync("AsynchronousScriptResponse", job.Body));

        var tooLong = await Send(HttpMethod.Post, "scripts/gen-ai", $$"""{"prompt":"{{new string('a', 201)}}"}""");
        Assert.Equal(422, tooLong.Status);
        Assert.Empty(await OpenApiContract.ErrorsAsync("ErrorResponse", tooLong.Body));
        Assert.Contains("\"doc_url\"", tooLong.Body);
    }
}
