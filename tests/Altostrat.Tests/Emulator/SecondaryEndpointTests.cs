using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Altostrat.Emulator;
using Altostrat.Emulator.Storage;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>
/// The emulator's endpoints from the public reference beyond the seeds (templates, community scripts, synchronous
/// commands), over real HTTP with the bodies and statuses API.md lists.
/// </summary>
public sealed class SecondaryEndpointTests
{
    private static HttpClient Http(EmulatorHost host)
    {
        var http = new HttpClient { BaseAddress = host.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Token);
        return http;
    }

    private static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Template(string name = "Set DNS", string description = "Sets the DNS servers.", string content = "/ip dns set servers=9.9.9.9",
        string metadata = "{\"category\":\"dns\"}") =>
        new JsonObject { ["name"] = name, ["description"] = description, ["content"] = content, ["metadata"] = JsonNode.Parse(metadata) }.ToJsonString();

    [Fact]
    public async Task A_template_is_created_read_listed_as_private_and_updated()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);

        var (created, template) = await SendAsync(http, HttpMethod.Post, "scripts/templates", Template());
        Assert.Equal(201, created);
        var id = (string)template!["id"]!;
        Assert.Equal("Set DNS", (string?)template["name"]);
        Assert.Equal("dns", (string?)template["metadata"]!["category"]);
        Assert.Equal(Altostrat.Emulator.Api.ScheduledScriptEndpoints.EmulatorUser, (string?)template["author"]);
        Assert.False((bool)template["read_only"]!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", (string?)template["created_at"]);

        var (read, again) = await SendAsync(http, HttpMethod.Get, $"scripts/templates/{id}");
        Assert.Equal(200, read);
        Assert.Equal("/ip dns set servers=9.9.9.9", (string?)again!["content"]);

        var (listed, page) = await SendAsync(http, HttpMethod.Get, "templates?type=private");
        Assert.Equal(200, listed);
        Assert.Equal(new[] { id }, page!["data"]!.AsArray().Select(t => (string?)t!["id"]));
        Assert.Equal(1, (int)page["meta"]!["total"]!);

        var (updated, changed) = await SendAsync(http, HttpMethod.Put, $"templates/{id}", Template(content: "/ip dns set servers=1.1.1.1"));
        Assert.Equal(200, updated);
        Assert.Equal("/ip dns set servers=1.1.1.1", (string?)changed!["content"]);
        Assert.Equal("/ip dns set servers=1.1.1.1", host.State.Templates.Find(id)!.Content);
    }

    [Fact]
    public async Task Global_templates_are_public_read_only_and_paged_with_links_and_meta()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        for (var i = 0; i < 15; i++) host.State.Templates.Insert(new TemplateRecord($"tmpl_extra{i:D2}", $"Extra {i}", "d", ":put 1", "{}", null, true, host.State.Now, host.State.Now));

        var (status, first) = await SendAsync(http, HttpMethod.Get, "templates?type=public");
        Assert.Equal(200, status);
        Assert.Equal(15, first!["data"]!.AsArray().Count);
        Assert.All(first["data"]!.AsArray(), t => Assert.Null(t!["author"]));
        Assert.Equal(18, (int)first["meta"]!["total"]!); // three seeded and fifteen more
        Assert.Equal(2, (int)first["meta"]!["last_page"]!);
        Assert.Null(first["links"]!["prev"]);
        var next = (string)first["links"]!["next"]!;
        Assert.EndsWith("/templates?type=public&page=2", next);

        var (_, second) = await SendAsync(http, HttpMethod.Get, new Uri(next).PathAndQuery.TrimStart('/'));
        Assert.Equal(3, second!["data"]!.AsArray().Count);
        Assert.Equal(16, (int)second["meta"]!["from"]!);
        Assert.Null(second["links"]!["next"]);

        var global = (string)first["data"]![0]!["id"]!;
        var (refused, error) = await SendAsync(http, HttpMethod.Put, $"templates/{global}", Template());
        Assert.Equal(403, refused);
        Assert.Equal("template_read_only", (string?)error!["code"]);
    }

    [Theory]
    [InlineData("name", 101)]
    [InlineData("description", 201)]
    [InlineData("content", 5001)]
    public async Task Template_fields_over_their_limits_are_refused_with_422(string field, int length)
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        var body = JsonNode.Parse(Template())!;
        body[field] = new string('x', length);

        var (status, error) = await SendAsync(http, HttpMethod.Post, "scripts/templates", body.ToJsonString());

        Assert.Equal(422, status);
        Assert.Contains($"'{field}'", (string?)error!["message"]);
        Assert.Contains($"the most is {length - 1}", (string?)error["message"]);
    }

    [Fact]
    public async Task Templates_refuse_a_missing_field_an_unknown_type_and_an_unknown_id()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);

        Assert.Equal(422, (await SendAsync(http, HttpMethod.Post, "scripts/templates", "{\"name\":\"n\",\"description\":\"d\"}")).Status);
        Assert.Equal(422, (await SendAsync(http, HttpMethod.Post, "scripts/templates", Template(metadata: "[1]"))).Status); // metadata is an object
        Assert.Equal(422, (await SendAsync(http, HttpMethod.Get, "templates?type=shared")).Status);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Get, "scripts/templates/tmpl_nope")).Status);
        using var anonymous = new HttpClient { BaseAddress = host.Url };
        Assert.Equal(401, (await SendAsync(anonymous, HttpMethod.Get, "templates")).Status);
    }

    [Fact]
    public async Task A_community_script_is_read_with_its_content_and_blob_sha()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);

        var (status, script) = await SendAsync(http, HttpMethod.Get, "scripts/community-scripts/cs_emu0001");

        Assert.Equal(200, status);
        var content = (string)script!["content"]!;
        Assert.Contains("/system backup save", content);
        Assert.Equal(Encoding.UTF8.GetByteCount(content), (int)script["size"]!);
        Assert.Equal(CommunityScriptStore.BlobSha(content), (string?)script["sha"]);
        Assert.Equal("routeros-scripts", (string?)script["repository"]!["name"]);
        Assert.Equal("altostrat-community", (string?)script["user"]!["name"]);
        Assert.Equal(404, (await SendAsync(http, HttpMethod.Get, "scripts/community-scripts/cs_nope")).Status);
    }

    [Fact]
    public void The_blob_sha_is_the_one_git_computes()
    {
        // `printf 'hello\n' | git hash-object --stdin`
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", CommunityScriptStore.BlobSha("hello\n"));
    }

    [Theory]
    [InlineData("https://github.com/acme/scripts/blob/main/tools/failover.rsc")]
    [InlineData("https://raw.githubusercontent.com/acme/scripts/main/tools/failover.rsc")]
    public async Task A_submission_from_either_GitHub_URL_is_stored_with_both_forms(string url)
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        var body = new JsonObject { ["github_url"] = url, ["readme_url"] = "https://github.com/acme/scripts/blob/main/README.md" }.ToJsonString();

        var (status, script) = await SendAsync(http, HttpMethod.Post, "scripts/community-scripts", body);

        Assert.Equal(201, status);
        Assert.Equal("failover", (string?)script!["name"]);
        Assert.Equal("https://github.com/acme/scripts/blob/main/tools/failover.rsc", (string?)script["github_url"]);
        Assert.Equal("https://raw.githubusercontent.com/acme/scripts/main/tools/failover.rsc", (string?)script["raw_url"]);
        Assert.Null(script["content"]);
        Assert.Equal("acme", (string?)script["user"]!["name"]);
        var again = await SendAsync(http, HttpMethod.Post, "scripts/community-scripts", body);
        Assert.Equal((422, "community_script_exists"), (again.Status, (string?)again.Body!["code"]));
        Assert.Equal(200, (await SendAsync(http, HttpMethod.Get, $"scripts/community-scripts/{script["id"]}")).Status);
    }

    [Theory]
    [InlineData("http://github.com/acme/scripts/blob/main/a.rsc", "not an https URL")]
    [InlineData("https://gitlab.com/acme/scripts/-/blob/main/a.rsc", "not a file on GitHub")]
    [InlineData("https://github.com/acme/scripts/blob/main/README.md", "must end in .rsc")]
    public async Task A_submission_that_is_not_a_rsc_on_GitHub_is_refused(string url, string message)
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);

        var (status, error) = await SendAsync(http, HttpMethod.Post, "scripts/community-scripts", new JsonObject { ["github_url"] = url }.ToJsonString());

        Assert.Equal(422, status);
        Assert.Contains(message, (string?)error!["message"]);
    }

    [Fact]
    public async Task A_submission_whose_readme_is_not_https_is_refused()
    {
        await using var host = await TestEmulator.StartAsync(runWorkflow: false);
        using var http = Http(host);
        var body = new JsonObject { ["github_url"] = "https://github.com/acme/scripts/blob/main/a.rsc", ["readme_url"] = "http://example.com/README.md" };

        var (status, error) = await SendAsync(http, HttpMethod.Post, "scripts/community-scripts", body.ToJsonString());

        Assert.Equal(422, status);
        Assert.Contains("'readme_url'", (string?)error!["message"]);
        Assert.Null(host.State.CommunityScripts.FindByGithubUrl("https://github.com/acme/scripts/blob/main/a.rsc"));
    }

    [Fact]
    public async Task A_synchronous_command_runs_on_the_site_router_and_returns_its_rows_at_either_path()
    {
        await using var host = await TestEmulator.StartAsync(o => o.SimulateRouters = true, runWorkflow: false);
        using var http = Http(host);
        var site = SiteStore.SiteId(2);
        var body = new JsonObject { ["command"] = "/interface/print", ["parameters"] = new JsonArray("?type=ether", "=.proplist=name,type") }.ToJsonString();

        var (status, rows) = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", body);
        Assert.Equal(200, status);
        Assert.Equal(new[] { "ether1", "ether2", "ether3" }, rows!.AsArray().Select(r => (string?)r!["name"]));
        Assert.All(rows.AsArray(), r => Assert.Equal(2, r!.AsObject().Count));

        var (older, identity) = await SendAsync(http, HttpMethod.Post, $"sites/{site}/commands/synchronous", "{\"command\":\"/system/identity/print\"}");
        Assert.Equal(200, older);
        Assert.Equal(host.State.Routers!.BySite[site].Configuration.Menu("/system/identity").Items[0]["name"], (string?)identity![0]!["name"]);
    }

    [Fact]
    public async Task A_synchronous_command_that_changes_fails_or_targets_an_offline_site_is_refused()
    {
        await using var host = await TestEmulator.StartAsync(o => o.SimulateRouters = true, runWorkflow: false);
        using var http = Http(host);
        var site = SiteStore.SiteId(1);

        var change = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"command\":\"/ip/address/add\",\"parameters\":[\"=address=10.9.9.9/24\",\"=interface=ether2\"]}");
        Assert.Equal(422, change.Status);
        Assert.Contains("only read", (string?)change.Body!["message"]);
        Assert.DoesNotContain(host.State.Routers!.BySite[site].Configuration.Menu("/ip/address").Items, a => a["address"] == "10.9.9.9/24");

        var unset = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"command\":\"/ip/firewall/filter/unset\",\"parameters\":[\"=numbers=*1\",\"=value-name=comment\"]}");
        Assert.Equal(422, unset.Status);
        Assert.Contains("only read", (string?)unset.Body!["message"]);
        var listen = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"command\":\"/interface/listen\"}");
        Assert.Equal(422, listen.Status); // it only reads, but it never finishes
        Assert.Contains("until it is cancelled", (string?)listen.Body!["message"]);

        var trap = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"command\":\"/ip/adress/print\"}");
        Assert.Equal((422, "command_failed"), (trap.Status, (string?)trap.Body!["code"]));
        Assert.Contains("no such command", (string?)trap.Body["message"]);

        Assert.Equal(404, (await SendAsync(http, HttpMethod.Post, "api/synchronous/site_nope", "{\"command\":\"/system/identity/print\"}")).Status);
        Assert.Equal(422, (await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"parameters\":[]}")).Status);

        Assert.Equal(200, (await SendAsync(http, HttpMethod.Post, $"_emulator/sites/{site}/pulse/false")).Status);
        var offline = await SendAsync(http, HttpMethod.Post, $"api/synchronous/{site}", "{\"command\":\"/system/identity/print\"}");
        Assert.Equal((422, "site_offline"), (offline.Status, (string?)offline.Body!["code"]));
    }
}
