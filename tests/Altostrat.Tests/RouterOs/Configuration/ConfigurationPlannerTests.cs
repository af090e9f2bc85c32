using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class ConfigurationPlannerTests
{
    internal static IReadOnlyDictionary<string, string> Row(string pairs)
    {
        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            row[pair.Substring(0, eq)] = pair.Substring(eq + 1).Replace('_', ' ');
        }
        return row;
    }

    internal static Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Rows(params (string Path, string[] Rows)[] menus) =>
        menus.ToDictionary(m => m.Path, m => (IReadOnlyList<IReadOnlyDictionary<string, string>>)m.Rows.Select(Row).ToList(), StringComparer.OrdinalIgnoreCase);

    private static ConfigurationPlan Plan(string json, params (string Path, string[] Rows)[] menus) =>
        ConfigurationPlanner.Plan(DesiredStateDocument.Parse(json), Rows(menus));

    private static List<RouterCommand> CommandsOf(ConfigurationChange change)
    {
        var commands = new List<RouterCommand>();
        Assert.Equal(change.AddCommandsTo(commands, _ => null), commands.Count);
        return commands;
    }

    [Fact]
    public void A_router_that_matches_as_RouterOS_compares_values_plans_nothing()
    {
        var plan = Plan("""
            {
              "/ip/dns": { "servers": "9.9.9.9,1.1.1.1", "allow-remote-requests": "yes", "cache-max-ttl": "1d", "cache-size": "2048" },
              "/ip/firewall/address-list": { "Entries": [ { "list": "block", "address": "192.0.2.1/32", "timeout": "1d00:00:00" } ] },
              "/ip/firewall/filter": { "Entries": [ { "chain": "input", "comment": "est", "action": "ACCEPT", "connection-state": "related,established" } ] },
              "/ip/service": { "Entries": [ { "name": "ssh", "address": "10.0.0.0/8,192.0.2.7", "disabled": false } ] }
            }
            """,
            ("/ip/dns", new[] { "servers=9.9.9.9,1.1.1.1 allow-remote-requests=true cache-max-ttl=1d cache-size=2048KiB" }),
            ("/ip/firewall/address-list", new[] { ".id=*1 list=block address=192.0.2.1 timeout=1d dynamic=false" }),
            ("/ip/firewall/filter", new[] { ".id=*2 chain=input comment=est action=accept connection-state=established,related" }),
            ("/ip/service", new[] { ".id=*3 name=ssh address=192.0.2.7/32,10.0.0.0/8 disabled=false port=22" }));

        Assert.Empty(plan.Changes);
        Assert.True(plan.IsEmpty);
    }

    [Theory]
    // An empty value in the key is a value like any other: the entry is found, and only what differs is set.
    [InlineData("list", "", "address", "192.0.2.1")]
    [InlineData("list", "block", "address", "")]
    public void A_key_with_an_empty_value_finds_its_entry(string firstName, string firstValue, string secondName, string secondValue)
    {
        var plan = Plan($$"""
            { "/ip/firewall/address-list": { "Key": ["{{firstName}}", "{{secondName}}"], "Entries": [ { "{{firstName}}": "{{firstValue}}", "{{secondName}}": "{{secondValue}}", "comment": "new" } ] } }
            """,
            ("/ip/firewall/address-list", new[] { $".id=*1 {firstName}={firstValue} {secondName}={secondValue} comment=old" }));

        var change = Assert.Single(plan.Changes);
        Assert.Equal(ChangeAction.Set, change.Action);
        Assert.Equal("*1", change.Id);
        Assert.Equal(new[] { "comment" }, change.ChangedProperties);
    }

    [Fact]
    public void A_set_writes_only_what_differs_and_leaves_unnamed_properties_alone()
    {
        var plan = Plan("""{ "/ip/dns": { "servers": "9.9.9.9", "allow-remote-requests": false } }""",
            ("/ip/dns", new[] { "servers=1.1.1.1 allow-remote-requests=false cache-size=2048KiB" }));

        var change = Assert.Single(plan.Changes);
        Assert.Equal((ChangeAction.Set, "/ip/dns", (string?)null), (change.Action, change.Path, change.Id));
        Assert.Equal(new[] { "servers" }, change.ChangedProperties);
        Assert.Equal("1.1.1.1", change.Before!["servers"]);
        Assert.Equal("9.9.9.9", change.After!["servers"]);
        Assert.Equal("2048KiB", change.After["cache-size"]);
        Assert.Equal("/ip dns set servers=9.9.9.9", change.Script);
    }

    [Fact]
    public void Null_unsets_a_property_of_an_entry_and_clears_a_setting_of_a_single_value_menu()
    {
        var plan = Plan("""
            {
              "/ip/firewall/address-list": { "Entries": [ { "list": "block", "address": "192.0.2.1", "comment": null, "timeout": null } ] },
              "/system/ntp/client": { "servers": null }
            }
            """,
            ("/ip/firewall/address-list", new[] { ".id=*1 list=block address=192.0.2.1 comment=old" }),
            ("/system/ntp/client", new[] { "enabled=true servers=pool.ntp.org" }));

        var unset = plan.Changes.Single(c => c.Path == "/ip/firewall/address-list");
        Assert.Equal(new[] { "comment" }, unset.ChangedProperties); // timeout is already unset
        Assert.Equal("/ip firewall address-list unset [find list=\"block\" address=\"192.0.2.1\"] comment", unset.Script);
        var command = Assert.Single(CommandsOf(unset));
        Assert.Equal("/ip/firewall/address-list/unset", command.Path);
        Assert.Equal(new[] { ".id=*1", "value-name=comment" }, command.Parameters.Select(p => p.Key + "=" + p.Value));
        Assert.False(unset.After!.ContainsKey("comment"));

        var clear = plan.Changes.Single(c => c.Path == "/system/ntp/client");
        Assert.Equal("/system ntp client set servers=\"\"", clear.Script);
        Assert.Equal(new[] { "servers=" }, Assert.Single(CommandsOf(clear)).Parameters.Select(p => p.Key + "=" + p.Value));
    }

    [Fact]
    public void Absent_remove_removes_unnamed_entries_but_never_dynamic_builtin_or_default_ones()
    {
        var json = """{ "/ip/firewall/address-list": { "Absent": "Remove", "Entries": [ { "list": "block", "address": "192.0.2.1" } ] } }""";
        var rows = ("/ip/firewall/address-list", new[]
        {
            ".id=*1 list=block address=192.0.2.1",
            ".id=*2 list=block address=192.0.2.2",
            ".id=*3 list=block address=192.0.2.3 dynamic=true",
            ".id=*4 list=other address=10.0.0.1 builtin=yes",
            ".id=*5 list=other address=10.0.0.2 default=true",
        });

        var change = Assert.Single(Plan(json, rows).Changes);
        Assert.Equal((ChangeAction.Remove, "*2", "list=block,address=192.0.2.2"), (change.Action, change.Id, change.Key));
        Assert.Null(change.After);
        Assert.Equal("/ip firewall address-list remove [find list=\"block\" address=\"192.0.2.2\"]", change.Script);

        Assert.Empty(Plan(json.Replace("Remove", "Ignore"), rows).Changes);
    }

    [Fact]
    public void An_entry_that_matches_only_a_dynamic_row_is_left_alone_with_a_note()
    {
        var plan = Plan("""{ "/ip/route": { "Entries": [ { "dst-address": "10.0.0.0/24", "gateway": "ether1", "distance": "5" } ] } }""",
            ("/ip/route", new[] { ".id=*1 dst-address=10.0.0.0/24 gateway=ether1 distance=0 dynamic=true" }));

        Assert.Empty(plan.Changes);
        Assert.Contains("dynamic", Assert.Single(plan.Notes));
    }

    [Fact]
    public void An_interface_the_router_lacks_is_not_added()
    {
        var plan = Plan("""{ "/interface": { "Entries": [ { "name": "ether9", "disabled": true } ] } }""",
            ("/interface", new[] { ".id=*1 name=ether1 disabled=false" }));
        Assert.Empty(plan.Changes);
        Assert.Contains("ether9", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Duplicate_router_rows_are_removed_by_id_so_the_kept_one_is_not_hit()
    {
        var plan = Plan("""{ "/ip/firewall/address-list": { "Absent": "Remove", "Entries": [ { "list": "a", "address": "192.0.2.1" } ] } }""",
            ("/ip/firewall/address-list", new[] { ".id=*1 list=a address=192.0.2.1", ".id=*2 list=a address=192.0.2.1/32" }));
        var change = Assert.Single(plan.Changes);
        Assert.Equal("*2", change.Id);
        Assert.Equal("/ip firewall address-list remove [find .id=*2]", change.Script);
    }

    [Theory]
    [InlineData("Ignore", "leaves the others as they are")]
    [InlineData("Remove", "removes the others")]
    public void Of_router_entries_that_share_the_document_key_the_one_that_matches_is_managed_and_named_in_a_note(string absent, string others)
    {
        var plan = Plan($$"""{ "/ip/firewall/filter": { "Key": ["chain", "action"], "Absent": "{{absent}}", "Entries": [ { "chain": "forward", "action": "drop", "src-address": "10.1.1.1" } ] } }""",
            ("/ip/firewall/filter", new[] { ".id=*3 chain=forward action=drop", ".id=*4 chain=forward action=drop src-address=10.1.1.1", ".id=*5 chain=input action=accept" }));

        var note = Assert.Single(plan.Notes);
        Assert.Contains("2 entries with chain=forward,action=drop", note);
        Assert.Contains("manages the one that already matches it (*4) and " + others, note);
        Assert.DoesNotContain(plan.Changes, c => c.Action == ChangeAction.Set);
        Assert.Equal(absent == "Remove" ? new[] { "*3", "*5" } : Array.Empty<string>(), plan.Changes.Where(c => c.Action == ChangeAction.Remove).Select(c => c.Id));
    }

    [Fact]
    public void A_password_the_router_does_not_show_is_written_when_the_user_is_added_and_not_compared_afterwards()
    {
        const string json = """{ "/user": { "Entries": [ { "name": "ops", "group": "read", "password": "P@ssw0rd!" }, { "name": "new", "group": "read", "password": "x1" } ] } }""";

        var plan = Plan(json, ("/user", new[] { ".id=*2 name=ops group=read" }));

        var add = Assert.Single(plan.Changes);
        Assert.Equal(ChangeAction.Add, add.Action);
        Assert.Equal("x1", CommandsOf(add).Single().Parameters.Single(p => p.Key == "password").Value);
        Assert.Contains("/user: the router does not show password", Assert.Single(plan.Notes));
        // A group that differs is still a change, without the password.
        var set = Assert.Single(Plan(json, ("/user", new[] { ".id=*2 name=ops group=full", ".id=*3 name=new group=read" })).Changes);
        Assert.Equal(new[] { "group" }, set.ChangedProperties);
    }

    [Fact]
    public void Router_entries_that_share_the_document_key_and_all_differ_from_it_are_refused_rather_than_one_guessed()
    {
        // A port forward added above the managed one since the document was exported: the key (chain) fits both.
        var document = DesiredStateDocument.Parse("""{ "/ip/firewall/nat": { "Key": "chain", "Entries": [ { "chain": "dstnat", "action": "dst-nat", "dst-port": "8080", "to-ports": "80" } ] } }""");
        var rows = Rows(("/ip/firewall/nat", new[] { ".id=*4 chain=dstnat action=dst-nat dst-port=2222 to-ports=22", ".id=*3 chain=dstnat action=dst-nat dst-port=8081 to-ports=80" }));

        var refused = Assert.Throws<DesiredStateException>(() => ConfigurationPlanner.Plan(document, rows, "branch-1"));

        Assert.Contains("branch-1 has 2 entries with chain=dstnat (*4, *3) and none of them matches", refused.Message);
        Assert.Contains("Nothing was sent to branch-1", refused.Message);
        Assert.Equal("/ip/firewall/nat", refused.Menu);
        // Verifying what was applied never refuses: it compares with the entry that differs least.
        var verified = ConfigurationPlanner.Plan(document, rows, "branch-1", strict: false);
        Assert.Equal("*3", Assert.Single(verified.Changes).Id);
    }

    [Fact]
    public void Where_the_key_has_a_comment_already_the_note_asks_for_a_comment_of_their_own()
    {
        var plan = Plan("""{ "/ip/firewall/filter": { "Key": ["chain", "comment"], "Entries": [ { "chain": "forward", "comment": "drop", "action": "drop" } ] } }""",
            ("/ip/firewall/filter", new[] { ".id=*3 chain=forward comment=drop action=drop", ".id=*4 chain=forward comment=drop action=drop" }));

        Assert.EndsWith("or give each a comment of its own.", Assert.Single(plan.Notes));
    }

    [Fact]
    public void A_dynamic_entry_with_the_same_key_is_not_counted_as_a_duplicate()
    {
        var plan = Plan("""{ "/ip/firewall/address-list": { "Absent": "Remove", "Entries": [ { "list": "a", "address": "192.0.2.1", "comment": "x" } ] } }""",
            ("/ip/firewall/address-list", new[] { ".id=*1 list=a address=192.0.2.1", ".id=*2 list=a address=192.0.2.1 dynamic=true" }));

        Assert.Empty(plan.Notes);
        Assert.Equal("*1", Assert.Single(plan.Changes).Id);
    }

    [Fact]
    public void Changes_run_access_additions_then_removes_then_sets_then_additions_then_moves()
    {
        var plan = Plan("""
            {
              "/ip/firewall/address-list": { "Absent": "Remove", "Entries": [ { "list": "block", "address": "192.0.2.9" } ] },
              "/ip/address": { "Absent": "Remove", "Entries": [ { "address": "10.1.1.1/24", "interface": "ether1" } ] },
              "/ip/firewall/filter": { "Absent": "Remove", "Order": true, "Entries": [
                  { "chain": "input", "comment": "mgmt", "action": "accept", "src-address": "10.1.1.0/24" },
                  { "chain": "input", "comment": "drop", "action": "drop" } ] },
              "/system/identity": { "name": "new" }
            }
            """,
            ("/ip/firewall/address-list", new[] { ".id=*1 list=block address=192.0.2.1" }),
            ("/ip/address", new[] { ".id=*2 address=10.0.0.1/24 interface=ether1 network=10.0.0.0" }),
            ("/ip/firewall/filter", new[] { ".id=*3 chain=input comment=old-mgmt action=accept src-address=10.0.0.0/24", ".id=*4 chain=input comment=drop action=drop" }),
            ("/system/identity", new[] { "name=old" }));

        var order = plan.Changes.Select(c => (c.Phase, c.Action, c.Path)).ToList();
        Assert.Equal(new[]
        {
            (ChangePhase.AccessAdd, ChangeAction.Add, "/ip/address"),
            (ChangePhase.AccessAdd, ChangeAction.Add, "/ip/firewall/filter"), // the new accept rule exists before the old one goes
            (ChangePhase.Remove, ChangeAction.Remove, "/ip/firewall/address-list"),
            (ChangePhase.Remove, ChangeAction.Remove, "/ip/address"),
            (ChangePhase.Remove, ChangeAction.Remove, "/ip/firewall/filter"),
            (ChangePhase.Set, ChangeAction.Set, "/system/identity"),
            (ChangePhase.Add, ChangeAction.Add, "/ip/firewall/address-list"),
            (ChangePhase.Move, ChangeAction.Move, "/ip/firewall/filter"), // the added accept rule goes before the drop
        }, order);
        var move = plan.Changes.Last();
        Assert.Null(move.Id);
        Assert.Equal("*4", move.DestinationId);
        Assert.Equal("chain=input,comment=drop", move.DestinationKey);
    }

    [Fact]
    public void An_empty_value_is_written_on_an_addition_unless_it_is_a_key_property_the_entry_lacks()
    {
        var plan = Plan("""{ "/ip/firewall/filter": { "Key": ["chain", "comment", "protocol"], "Entries": [ { "chain": "input", "comment": "x", "protocol": "", "action": "accept", "log-prefix": "" } ] } }""",
            ("/ip/firewall/filter", new string[0]));

        var parameters = CommandsOf(Assert.Single(plan.Changes)).Single().Parameters.Select(p => p.Key).ToList();
        Assert.Contains("log-prefix", parameters);
        Assert.DoesNotContain("protocol", parameters);
    }

    [Fact]
    public void Firewall_rules_are_added_in_the_document_order_whatever_their_action()
    {
        var plan = Plan("""
            { "/ip/firewall/filter": { "Entries": [
                  { "chain": "forward", "comment": "drop bad", "action": "drop", "src-address-list": "block" },
                  { "chain": "forward", "comment": "allow ssh", "action": "accept", "protocol": "tcp", "dst-port": "22" } ] } }
            """, ("/ip/firewall/filter", new string[0]));

        Assert.Equal(new[] { "chain=forward,comment=drop bad", "chain=forward,comment=allow ssh" }, plan.Changes.Select(c => c.Key));
        Assert.All(plan.Changes, c => Assert.Equal(ChangePhase.AccessAdd, c.Phase));
        Assert.Equal(new[] { false, true }, plan.Changes.Select(c => c.GivesAccess));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 0)]
    [InlineData(new[] { 3, 2, 1, 0 }, 3)]
    [InlineData(new[] { 1, 0, 2, 3 }, 1)]
    [InlineData(new[] { 3, 0, 1, 2 }, 1)]
    public void Ordering_moves_only_the_entries_out_of_order_and_ends_in_document_order(int[] routerOrder, int expectedMoves)
    {
        // Router rows r0..r3 in the order routerOrder gives; the document wants r0, r1, r2, r3.
        var names = new[] { "a", "b", "c", "d" };
        var rowTexts = routerOrder.Select(i => $".id=*{i + 1} chain=forward comment={names[i]} action=accept").ToArray();
        var json = "{ \"/ip/firewall/filter\": { \"Order\": true, \"Entries\": [" + string.Join(",", names.Select(n => $"{{ \"chain\": \"forward\", \"comment\": \"{n}\" }}")) + "] } }";
        var plan = Plan(json, ("/ip/firewall/filter", rowTexts));

        Assert.Equal(expectedMoves, plan.Changes.Count);
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Move, c.Action));
        var list = routerOrder.Select(i => "*" + (i + 1)).ToList();
        foreach (var move in plan.Changes)
        {
            list.Remove(move.Id!);
            if (move.DestinationId is null) list.Add(move.Id!); else list.Insert(list.IndexOf(move.DestinationId), move.Id!);
        }
        Assert.Equal(new[] { "*1", "*2", "*3", "*4" }, list);
    }

    [Fact]
    public void Order_is_kept_within_each_chain_and_other_chains_are_not_moved()
    {
        var plan = Plan("""
            { "/ip/firewall/filter": { "Order": true, "Entries": [
                { "chain": "input", "comment": "i1" }, { "chain": "forward", "comment": "f1" }, { "chain": "input", "comment": "i2" }, { "chain": "forward", "comment": "f2" } ] } }
            """,
            ("/ip/firewall/filter", new[] { ".id=*1 chain=forward comment=f1", ".id=*2 chain=input comment=i1", ".id=*3 chain=forward comment=f2", ".id=*4 chain=input comment=i2" }));
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void A_move_of_entries_that_do_not_give_their_chain_finds_them_by_key_and_counts_as_destructive()
    {
        var plan = Plan("""{ "/ip/firewall/filter": { "Key": "comment", "Order": true, "Entries": [ { "comment": "b" }, { "comment": "a" } ] } }""",
            ("/ip/firewall/filter", new[] { ".id=*1 chain=forward comment=a", ".id=*2 chain=forward comment=b" }));
        var move = Assert.Single(plan.Changes);
        Assert.Equal("/ip firewall filter move [find comment=\"b\"] destination=[find comment=\"a\"]", move.Script);
        Assert.Equal(ScriptRisk.Destructive, ScriptAnalyzer.Analyze(move.Script).MaxRisk);
    }

    [Theory]
    [InlineData("""{ "/ip/address": { "Absent": "Remove", "Entries": [] } }""", "/ip/address", ".id=*1 address=10.0.0.1/24 interface=ether1")]
    [InlineData("""{ "/ip/route": { "Absent": "Remove", "Entries": [] } }""", "/ip/route", ".id=*1 dst-address=0.0.0.0/0 gateway=192.0.2.1")]
    [InlineData("""{ "/user": { "Absent": "Remove", "Entries": [] } }""", "/user", ".id=*1 name=ops group=full")]
    [InlineData("""{ "/ip/firewall/filter": { "Absent": "Remove", "Entries": [] } }""", "/ip/firewall/filter", ".id=*1 chain=input action=accept comment=mgmt")]
    [InlineData("""{ "/interface": { "Entries": [ { "name": "ether1", "disabled": true } ] } }""", "/interface", ".id=*1 name=ether1 disabled=false")]
    [InlineData("""{ "/ip/service": { "Entries": [ { "name": "api", "disabled": "yes" } ] } }""", "/ip/service", ".id=*1 name=api disabled=false")]
    [InlineData("""{ "/ip/firewall/filter": { "Entries": [ { "chain": "input", "comment": "mgmt", "action": "drop" } ] } }""", "/ip/firewall/filter", ".id=*1 chain=input action=accept comment=mgmt")]
    [InlineData("""{ "/ip/firewall/filter": { "Entries": [ { "chain": "input", "comment": "new", "action": "drop" } ] } }""", "/ip/firewall/filter", ".id=*1 chain=input action=accept comment=mgmt")]
    [InlineData("""{ "/ip/firewall/filter": { "Entries": [ { "chain": "input", "comment": "mgmt", "disabled": true } ] } }""", "/ip/firewall/filter", ".id=*1 chain=input action=accept comment=mgmt disabled=false")]
    // Moving and disabling rules of the input chain: the chain is in the line's [find ...], where the gate reads it.
    [InlineData("""{ "/ip/firewall/filter": { "Key": "comment", "Order": true, "Entries": [ { "chain": "input", "comment": "b" }, { "chain": "input", "comment": "a" } ] } }""", "/ip/firewall/filter", ".id=*1 chain=input comment=a|.id=*2 chain=input comment=b")]
    [InlineData("""{ "/ip/firewall/filter": { "Key": "comment", "Entries": [ { "comment": "mgmt", "disabled": true } ] } }""", "/ip/firewall/filter", ".id=*1 chain=input action=accept comment=mgmt disabled=false")]
    public void The_risk_gate_rates_changes_that_can_lock_the_operator_out_as_destructive(string json, string path, string row)
    {
        var plan = Plan(json, (path, row.Split('|')));
        var change = Assert.Single(plan.Changes);
        var analysis = ScriptAnalyzer.Analyze(change.Script);
        Assert.True(analysis.IsValid, string.Join("; ", analysis.Diagnostics.Select(d => d.Message)));
        Assert.Equal(ScriptRisk.Destructive, analysis.MaxRisk);
        // The plan's own rating, which the change keeps for its results, says the same.
        Assert.Null(change.Rating);
        Assert.Equal(ScriptRisk.Destructive, Assert.Single(plan.Rate()).MaxRisk);
        Assert.Equal(ScriptRisk.Destructive, change.Rating!.MaxRisk);
    }

    [Theory]
    [InlineData("""{ "/ip/firewall/filter": { "Key": "comment", "Order": true, "Entries": [ { "chain": "forward", "comment": "b" }, { "chain": "forward", "comment": "a" } ] } }""", "move [find chain=\"forward\" comment=\"b\"] destination=[find chain=\"forward\" comment=\"a\"]")]
    [InlineData("""{ "/ip/firewall/filter": { "Key": "comment", "Entries": [ { "comment": "a", "disabled": true } ] } }""", "set [find chain=\"forward\" comment=\"a\"] disabled=yes")]
    public void Changes_to_rules_of_other_chains_name_their_chain_and_are_not_destructive(string json, string expected)
    {
        var change = Assert.Single(Plan(json, ("/ip/firewall/filter", new[] { ".id=*1 chain=forward comment=a", ".id=*2 chain=forward comment=b" })).Changes);
        Assert.Equal("/ip firewall filter " + expected, change.Script);
        var analysis = ScriptAnalyzer.Analyze(change.Script);
        Assert.True(analysis.IsValid, string.Join("; ", analysis.Diagnostics.Select(d => d.Message)));
        Assert.Equal(ScriptRisk.Change, analysis.MaxRisk);
    }

    [Theory]
    [InlineData("""{ "/ip/firewall/address-list": { "Entries": [ { "list": "block", "address": "192.0.2.1", "comment": "x y" } ] } }""", "/ip/firewall/address-list")]
    [InlineData("""{ "/system/identity": { "name": "branch \"1\"" } }""", "/system/identity")]
    public void Ordinary_changes_are_valid_scripts_rated_as_changes(string json, string path)
    {
        var plan = Plan(json, (path, path == "/system/identity" ? new[] { "name=old" } : Array.Empty<string>()));
        Assert.NotEmpty(plan.Changes);
        var analysis = ScriptAnalyzer.Analyze(plan.Script);
        Assert.True(analysis.IsValid, plan.Script + ": " + string.Join("; ", analysis.Diagnostics.Select(d => d.Message)));
        Assert.Equal(ScriptRisk.Change, analysis.MaxRisk);
        plan.Rate();
        Assert.All(plan.Changes, c => Assert.Equal(ScriptRisk.Change, c.Rating!.MaxRisk));
    }

    [Fact]
    public void A_property_a_single_value_menu_does_not_print_is_refused_with_the_name_it_probably_meant()
    {
        var document = DesiredStateDocument.Parse("""{ "/ip/dns": { "serverz": "9.9.9.9", "allow-remote-requests": "no" } }""");
        var rows = Rows(("/ip/dns", new[] { "servers= allow-remote-requests=false cache-size=2048KiB dynamic-servers= cache-used=28KiB" }));

        var refused = Assert.Throws<DesiredStateException>(() => ConfigurationPlanner.Plan(document, rows, "branch-1"));

        Assert.Equal("/ip/dns", refused.Menu);
        Assert.Equal("serverz", refused.Field);
        Assert.Contains("branch-1 has no such property (did you mean 'servers'?)", refused.Message);
        Assert.Contains("Nothing was sent to branch-1", refused.Message);
        // The read-only properties are not offered as what it could have meant.
        Assert.DoesNotContain("cache-used", refused.Problem);
    }

    [Fact]
    public void The_verification_after_applying_plans_a_property_the_router_no_longer_prints_instead_of_refusing_it()
    {
        var document = DesiredStateDocument.Parse("""{ "/ip/dns": { "serverz": "9.9.9.9" } }""");
        var rows = Rows(("/ip/dns", new[] { "servers= allow-remote-requests=false" }));

        var plan = ConfigurationPlanner.Plan(document, rows, "branch-1", strict: false);

        Assert.Equal("serverz", plan.Changes.Single().ChangedProperties.Single());
    }

    [Fact]
    public void A_property_the_catalog_knows_is_planned_even_when_the_router_does_not_print_it()
    {
        // Another RouterOS version may hide a setting; the router, not a guess, then decides.
        var plan = Plan("""{ "/system/ntp/client": { "enabled": "yes", "mode": "unicast" } }""",
            ("/system/ntp/client", new[] { "enabled=false status=stopped" }));

        Assert.Equal(new[] { "enabled", "mode" }, plan.Changes.Single().ChangedProperties.OrderBy(p => p));
    }

    [Fact]
    public void A_list_property_no_entry_has_gets_a_hint_only_when_one_is_spelled_almost_alike()
    {
        var plan = Plan("""
            { "/ip/firewall/filter": { "Key": ["chain", "comment"], "Entries": [
                { "chain": "input", "comment": "ssh", "action": "accept", "dst-prot": "22" },
                { "chain": "input", "comment": "log", "action": "accept", "log-prefix": "in" } ] } }
            """,
            ("/ip/firewall/filter", new[] { ".id=*1 chain=input comment=web action=accept dst-port=80 protocol=tcp" }));

        var note = Assert.Single(plan.Notes);
        Assert.Contains("'dst-prot'; did you mean 'dst-port'?", note);
        // log-prefix is like nothing the router printed: no hint, the router decides.
        Assert.DoesNotContain("log-prefix", note);
    }
}
