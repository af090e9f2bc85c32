using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class ConfigurationSessionTests
{
    private static RouterEndpoint EndpointFor(MenuRouterServer server) =>
        RouterEndpoint.ForAddress($"127.0.0.1:{server.Port}", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

    private static IReadOnlyDictionary<string, string> Row(string pairs) => ConfigurationPlannerTests.Row(pairs);

    private static MenuRouterServer Router()
    {
        var server = new MenuRouterServer();
        server.SetSingle("/system/identity", Row("name=old"));
        server.SetSingle("/ip/dns", Row("servers=1.1.1.1 allow-remote-requests=false cache-size=2048KiB"));
        server.AddRows("/ip/address", new[] { Row("address=10.0.0.1/24 interface=ether1 network=10.0.0.0") });
        server.AddRows("/ip/firewall/address-list", new[]
        {
            Row("list=block address=192.0.2.1 comment=stale"),
            Row("list=block address=192.0.2.2"),
            Row("list=block address=192.0.2.3 dynamic=true"),
        });
        server.AddRows("/ip/firewall/filter", new[]
        {
            Row("chain=input comment=drop action=drop"),
            Row("chain=input comment=old-mgmt action=accept src-address=10.0.0.0/24"),
            Row("chain=forward comment=f1 action=accept"),
        });
        return server;
    }

    private const string Document = """
        {
          "/system/identity": { "name": "branch-1" },
          "/ip/dns": { "servers": "9.9.9.9,1.1.1.1", "allow-remote-requests": "no" },
          "/ip/address": { "Absent": "Remove", "Entries": [ { "address": "10.1.1.1/24", "interface": "ether1" } ] },
          "/ip/firewall/address-list": { "Absent": "Remove", "Entries": [
              { "list": "block", "address": "192.0.2.1/32", "comment": null },
              { "list": "block", "address": "198.51.100.7", "timeout": "1d" } ] },
          "/ip/firewall/filter": { "Absent": "Remove", "Order": true, "Entries": [
              { "chain": "input", "comment": "mgmt", "action": "accept", "src-address": "10.1.1.0/24" },
              { "chain": "input", "comment": "drop", "action": "drop" },
              { "chain": "forward", "comment": "f1", "action": "accept" } ] }
        }
        """;

    [Fact]
    public async Task Applying_a_plan_converges_and_a_second_run_plans_and_writes_nothing()
    {
        await using var server = Router();
        var document = DesiredStateDocument.Parse(Document);

        using (var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), document, CancellationToken.None))
        {
            var plan = await session.ReadAndPlanAsync(CancellationToken.None);
            Assert.Contains(plan.Changes, c => c.Action == ChangeAction.Move && c.Id is null); // the new accept rule moves by its new id
            var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: false, CancellationToken.None);

            Assert.Equal(ConfigurationStatus.Changed, outcome.Status);
            Assert.All(outcome.Results, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.True(outcome.Remaining!.IsEmpty, outcome.Remaining.Script);
            Assert.Equal(SafeModeResult.NotUsed, outcome.SafeMode);
        }

        Assert.Equal(new[] { "mgmt", "drop", "f1" }, server.Rows("/ip/firewall/filter").Select(r => r["comment"]));
        Assert.Equal(new[] { "192.0.2.1", "192.0.2.3", "198.51.100.7" }, server.Rows("/ip/firewall/address-list").Select(r => r["address"]).OrderBy(a => a));
        Assert.DoesNotContain("comment", server.Rows("/ip/firewall/address-list").First().Keys);

        server.ResetCounters();
        var again = await new RouterConfigurationJob(document, useSafeMode: false).RunAsync(EndpointFor(server), null, CancellationToken.None);
        Assert.Equal(ConfigurationStatus.Unchanged, again.Status);
        Assert.True(again.Plan!.IsEmpty, again.Plan.Script);
        Assert.Equal(0, server.Writes);
    }

    [Fact]
    public async Task Only_the_approved_changes_run_in_plan_order_and_a_change_of_another_plan_is_refused()
    {
        await using var server = Router();
        var document = DesiredStateDocument.Parse(Document);
        using var other = await RouterConfigurationSession.OpenAsync(EndpointFor(server), document, CancellationToken.None);
        var otherPlan = await other.ReadAndPlanAsync(CancellationToken.None);
        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), document, CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => session.ApplyAsync(new[] { otherPlan.Changes[0] }, useSafeMode: false, CancellationToken.None));
        Assert.Equal(0, server.Writes);

        var identity = plan.Changes.Single(c => c.Path == "/system/identity");
        var dns = plan.Changes.Single(c => c.Path == "/ip/dns");
        var outcome = await session.ApplyAsync(new[] { dns, identity }, useSafeMode: false, CancellationToken.None);

        // Approved in the reverse of the plan's order; run in the plan's.
        Assert.Equal(plan.Changes.Where(c => c == identity || c == dns), outcome.Results.Select(r => r.Change));
        Assert.Equal(2, server.Writes);
        Assert.Equal("branch-1", server.Rows("/system/identity")[0]["name"]);
        Assert.Equal(ConfigurationStatus.Changed, outcome.Status);
        Assert.Contains(outcome.Remaining!.Changes, c => c.Path == "/ip/firewall/address-list");
    }

    [Fact]
    public async Task A_phase_is_sent_whole_before_the_router_answers_any_of_it()
    {
        const int count = 300;
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        var entries = string.Join(",", Enumerable.Range(0, count).Select(i => $"{{ \"list\": \"bulk\", \"address\": \"10.0.{i / 256}.{i % 256}\" }}"));
        var document = DesiredStateDocument.Parse("{ \"/ip/firewall/address-list\": { \"Entries\": [" + entries + "] } }");

        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), document, CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        Assert.Equal(count, plan.Changes.Count);
        server.HoldRepliesUntil(count);
        var results = await ConfigurationExecutor.ApplyAsync(session.Connection, plan.Changes, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(count, server.MaxInFlight);
        Assert.Equal(count, results.Select(r => r.NewId).Distinct().Count());
    }

    [Fact]
    public async Task A_refused_change_is_reported_with_the_routers_message_and_the_others_still_apply()
    {
        await using var server = Router();
        server.TrapWhen = c => c.Command == "/ip/firewall/address-list/add" && c["address"] == "198.51.100.7" ? "invalid value for argument address" : null;

        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), DesiredStateDocument.Parse(Document), CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: false, CancellationToken.None);

        Assert.Equal(ConfigurationStatus.Failed, outcome.Status);
        var failed = Assert.Single(outcome.Results, r => !r.Succeeded);
        Assert.Equal("list=block,address=198.51.100.7", failed.Change.Key);
        Assert.Equal("invalid value for argument address", Assert.IsType<RouterTrapException>(failed.Error).RouterMessage);
        Assert.Equal(plan.Changes.Count - 1, outcome.Results.Count(r => r.Succeeded));
        Assert.Equal("branch-1", server.Rows("/system/identity")[0]["name"]);
        Assert.Contains(outcome.Remaining!.Changes, c => c.Key == "list=block,address=198.51.100.7");
    }

    [Fact]
    public async Task A_failed_access_addition_skips_the_removals()
    {
        await using var server = Router();
        server.TrapWhen = c => c.Command == "/ip/address/add" ? "interface not found" : null;

        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), DesiredStateDocument.Parse(Document), CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: false, CancellationToken.None);

        Assert.All(outcome.Results.Where(r => r.Change.Action == ChangeAction.Remove), r => Assert.Equal(ChangeStatus.NotRun, r.Status));
        Assert.Equal("10.0.0.1/24", Assert.Single(server.Rows("/ip/address"))["address"]);
    }

    [Fact]
    public async Task Under_safe_mode_a_good_change_is_released_and_kept()
    {
        await using var server = Router();
        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), DesiredStateDocument.Parse(Document), CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: true, CancellationToken.None);

        Assert.Equal((ConfigurationStatus.Changed, SafeModeResult.Released), (outcome.Status, outcome.SafeMode));
        Assert.False(server.SafeModeHeld);
        Assert.Equal("branch-1", server.Rows("/system/identity")[0]["name"]);
    }

    [Fact]
    public async Task Under_safe_mode_a_refused_change_unrolls_everything()
    {
        await using var server = Router();
        server.TrapWhen = c => c.Command == "/ip/firewall/filter/move" ? "no such item" : null;
        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), DesiredStateDocument.Parse(Document), CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: true, CancellationToken.None);

        Assert.Equal((ConfigurationStatus.RolledBack, SafeModeResult.Unrolled), (outcome.Status, outcome.SafeMode));
        Assert.Equal("old", server.Rows("/system/identity")[0]["name"]);
        Assert.Equal("10.0.0.1/24", Assert.Single(server.Rows("/ip/address"))["address"]);
    }

    [Fact]
    public async Task Under_safe_mode_a_change_that_cuts_the_connection_is_rolled_back_by_the_router()
    {
        await using var server = Router();
        // Removing the old address cuts the management session off, as it would on a real router.
        server.DropConnectionWhen = c => c.Command == "/ip/address/remove";
        using var session = await RouterConfigurationSession.OpenAsync(EndpointFor(server), DesiredStateDocument.Parse(Document), CancellationToken.None);
        var plan = await session.ReadAndPlanAsync(CancellationToken.None);
        var outcome = await session.ApplyAsync(plan.Changes, useSafeMode: true, CancellationToken.None);

        Assert.Equal((ConfigurationStatus.RolledBack, SafeModeResult.RolledBackByRouter), (outcome.Status, outcome.SafeMode));
        Assert.IsAssignableFrom<RouterException>(outcome.Error);
        Assert.Contains(outcome.Results, r => r.Status == ChangeStatus.NotRun);
        await server.RolledBackOnDisconnect;
        Assert.Equal("old", server.Rows("/system/identity")[0]["name"]);
        Assert.Equal("10.0.0.1/24", Assert.Single(server.Rows("/ip/address"))["address"]);
    }

    [Fact]
    public async Task A_router_without_safe_mode_is_refused_before_anything_is_written()
    {
        await using var server = Router();
        server.SupportsSafeMode = false;
        var outcome = await new RouterConfigurationJob(DesiredStateDocument.Parse(Document), useSafeMode: true).RunAsync(EndpointFor(server), null, CancellationToken.None);

        Assert.Equal((ConfigurationStatus.Failed, SafeModeResult.Failed), (outcome.Status, outcome.SafeMode));
        var error = Assert.IsType<SafeModeUnavailableException>(outcome.Error);
        Assert.Contains("no such command", error.RouterMessage);
        // Named with its port: routers behind one address differ only by it.
        Assert.StartsWith($"127.0.0.1:{server.Port} did not enter safe mode", error.Message);
        Assert.Equal(0, server.Writes);
        Assert.Empty(outcome.Results);
    }

    [Fact]
    public async Task Only_the_approved_changes_are_applied()
    {
        await using var server = Router();
        var outcome = await new RouterConfigurationJob(DesiredStateDocument.Parse(Document), useSafeMode: false).RunAsync(EndpointFor(server),
            (session, _) => Task.FromResult(session.Plan!.Changes.Where(c => c.Path == "/system/identity")), CancellationToken.None);

        Assert.Equal(ConfigurationStatus.Changed, outcome.Status);
        Assert.Single(outcome.Results);
        Assert.Equal("branch-1", server.Rows("/system/identity")[0]["name"]);
        Assert.Equal("1.1.1.1", server.Rows("/ip/dns")[0]["servers"]);
        Assert.NotEmpty(outcome.Remaining!.Changes); // what was not approved still differs, and is reported
    }

    [Fact]
    public async Task A_router_that_cannot_be_reached_is_a_failed_outcome_not_an_exception()
    {
        var server = new MenuRouterServer();
        var endpoint = EndpointFor(server);
        await server.DisposeAsync();
        var outcome = await new RouterConfigurationJob(DesiredStateDocument.Parse(Document), useSafeMode: false).RunAsync(endpoint, null, CancellationToken.None);
        Assert.Equal(ConfigurationStatus.Failed, outcome.Status);
        Assert.IsAssignableFrom<RouterException>(outcome.Error);
    }
}
