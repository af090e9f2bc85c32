using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class DesiredStateExportTests
{
    private static readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Router = ConfigurationPlannerTests.Rows(
        ("/ip/dns", new[] { "servers=9.9.9.9 allow-remote-requests=true cache-used=12KiB dynamic-servers=" }),
        ("/ip/firewall/filter", new[]
        {
            ".id=*1 chain=input comment=est action=accept connection-state=established,related bytes=1000 packets=10",
            ".id=*2 chain=input comment=drop action=drop",
            ".id=*3 chain=input comment=drop action=drop", // same key as *2: left out
            ".id=*4 chain=forward comment=fasttrack action=fasttrack-connection dynamic=true",
        }),
        ("/ip/address", new[] { ".id=*5 address=10.0.0.1/24 interface=ether1 network=10.0.0.0 actual-interface=ether1" }));

    [Fact]
    public void An_exported_document_reads_back_and_plans_nothing_against_its_router()
    {
        var notes = new List<string>();
        var json = DesiredStateExport.ToJson(Router, notes);
        var document = DesiredStateDocument.Parse(json, "export.json");

        Assert.Empty(ConfigurationPlanner.Plan(document, Router).Changes);
        Assert.Empty(ConfigurationPlanner.Plan(DesiredStateDocument.FromTree(DesiredStateExport.ToTree(Router)), Router).Changes);
        Assert.Equal("/ip/firewall/filter: *3 (chain=input comment=drop) is alike to *2 in its chain and comment and was left out; remove the duplicate from the router, or give it a comment of its own.", Assert.Single(notes));
        var filter = document.Menus.Single(m => m.Path == "/ip/firewall/filter");
        Assert.True(filter.Order);
        Assert.Equal(2, filter.Entries.Count); // neither the duplicate nor the dynamic rule
        Assert.DoesNotContain("bytes", filter.Entries[0].Properties.Keys);
        Assert.DoesNotContain("network", document.Menus.Single(m => m.Path == "/ip/address").Entries[0].Properties.Keys);
        Assert.DoesNotContain("cache-used", document.Menus.Single(m => m.Path == "/ip/dns").Values!.Keys);
    }

    [Fact]
    public void Rules_without_comments_are_all_exported_named_by_their_whole_content()
    {
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/filter", new[]
        {
            ".id=*1 chain=input action=accept connection-state=established,related",
            ".id=*2 chain=input action=accept protocol=icmp",
            ".id=*3 chain=input action=drop in-interface=ether1 disabled=false",
            ".id=*4 chain=forward action=drop connection-state=invalid comment=bad",
        }));
        var notes = new List<string>();

        var document = DesiredStateDocument.Parse(DesiredStateExport.ToJson(router, notes), "export.json");

        var filter = document.Menus.Single();
        Assert.Equal(4, filter.Entries.Count);
        Assert.Equal(new[] { "chain", "comment", "action", "connection-state", "protocol", "in-interface" }, filter.Key);
        Assert.Contains("the Key is every property the entries have", Assert.Single(notes));
        Assert.Empty(ConfigurationPlanner.Plan(document, router).Changes);
        // Added to a router that has none of them: a property an entry does not have is not written empty.
        var adds = ConfigurationPlanner.Plan(document, ConfigurationPlannerTests.Rows(("/ip/firewall/filter", new string[0]))).Changes;
        Assert.Equal(4, adds.Count);
        Assert.DoesNotContain(adds, c => c.Script.Contains("=\"\"") || c.Script.EndsWith("="));
        Assert.Contains(adds, c => c.Script == "/ip firewall filter add chain=input action=accept protocol=icmp");
        // Its key reads without the properties it lacks.
        Assert.Contains(adds, c => c.Key == "chain=input,action=accept,protocol=icmp");
    }

    [Fact]
    public void A_key_property_an_entry_lacks_counts_as_empty_and_keeps_the_catalog_key_unless_it_is_the_comment()
    {
        var routes = ConfigurationPlannerTests.Rows(("/ip/route", new[]
        {
            ".id=*1 dst-address=0.0.0.0/0 gateway=192.0.2.1 distance=1",
            ".id=*2 dst-address=203.0.113.0/24 blackhole=yes",
        }));
        var notes = new List<string>();

        var document = DesiredStateDocument.Parse(DesiredStateExport.ToJson(routes, notes), "routes.json");

        Assert.Equal(new[] { "dst-address", "gateway" }, document.Menus.Single().Key);
        Assert.Empty(notes);
        Assert.Empty(ConfigurationPlanner.Plan(document, routes).Changes);
    }

    [Fact]
    public void Two_rules_that_differ_only_in_being_disabled_are_one_rule_twice()
    {
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/filter", new[]
        {
            ".id=*1 chain=input comment=a action=accept",
            ".id=*2 chain=forward comment=b action=drop disabled=true",
            ".id=*4 chain=forward comment=c action=accept",
            ".id=*3 chain=forward comment=b action=drop",
        }));
        var notes = new List<string>();

        var document = DesiredStateDocument.Parse(DesiredStateExport.ToJson(router, notes), "export.json");

        Assert.Equal(new[] { "chain", "comment" }, document.Menus.Single().Key);
        // The enabled one is kept, wherever it stands.
        Assert.Contains("*2 (chain=forward comment=b disabled) is alike to *3", Assert.Single(notes));
        Assert.DoesNotContain(document.Menus.Single().Entries, e => e.Properties.ContainsKey("disabled") && e.Properties["disabled"] == "true");
        // In its own place: the document keeps the order, and planned against the router it moves nothing.
        Assert.Equal(new[] { "a", "c", "b" }, document.Menus.Single().Entries.Select(e => e.Properties["comment"]));
        Assert.Empty(ConfigurationPlanner.Plan(document, router).Changes);
    }

    [Fact]
    public void A_lone_port_forward_exported_is_not_matched_to_another_rule_added_to_its_chain_later()
    {
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/nat", new[] { ".id=*3 chain=dstnat action=dst-nat protocol=tcp dst-port=8080 to-addresses=192.168.88.10 to-ports=80" }));
        var document = DesiredStateDocument.Parse(DesiredStateExport.ToJson(router, new List<string>()), "nat.json");
        Assert.Contains("dst-port", document.Menus.Single().Key);

        // A colleague adds an SSH forward above it.
        var later = ConfigurationPlannerTests.Rows(("/ip/firewall/nat", new[]
        {
            ".id=*4 chain=dstnat action=dst-nat protocol=tcp dst-port=2222 to-addresses=192.168.88.11 to-ports=22",
            ".id=*3 chain=dstnat action=dst-nat protocol=tcp dst-port=8080 to-addresses=192.168.88.10 to-ports=80",
        }));

        var plan = ConfigurationPlanner.Plan(document, later, "branch-1");
        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void A_rule_added_later_with_a_condition_more_is_not_taken_for_the_exported_one()
    {
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/nat", new[]
        {
            ".id=*2 chain=dstnat action=dst-nat protocol=tcp dst-port=80 to-addresses=192.168.88.10 comment=web",
            ".id=*3 chain=dstnat action=dst-nat protocol=tcp dst-port=443 to-addresses=192.168.88.10 comment=web",
        }));
        var document = DesiredStateDocument.Parse(DesiredStateExport.ToJson(router, new List<string>()).Replace("\"Absent\": \"Ignore\"", "\"Absent\": \"Remove\""), "nat.json");
        // Added above the first, alike but for an interface no exported rule names.
        var later = ConfigurationPlannerTests.Rows(("/ip/firewall/nat", new[]
        {
            ".id=*6 chain=dstnat action=dst-nat protocol=tcp dst-port=80 to-addresses=192.168.88.10 comment=web in-interface=ether1",
            ".id=*2 chain=dstnat action=dst-nat protocol=tcp dst-port=80 to-addresses=192.168.88.10 comment=web",
            ".id=*3 chain=dstnat action=dst-nat protocol=tcp dst-port=443 to-addresses=192.168.88.10 comment=web",
        }));

        var plan = ConfigurationPlanner.Plan(document, later, "branch-1");

        Assert.Equal("*6", Assert.Single(plan.Changes, c => c.Action == ChangeAction.Remove).Id);
        Assert.Contains("(*2)", Assert.Single(plan.Notes));
    }

    [Fact]
    public void A_json_export_writes_quotes_and_letters_as_themselves_and_reads_them_back()
    {
        const string comment = "Ops' \"edge\" <rule> & Zürich";
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/filter", new[] { ".id=*1 chain=input action=accept" }));
        ((Dictionary<string, string>)router["/ip/firewall/filter"][0])["comment"] = comment;

        var json = DesiredStateExport.ToJson(router, new List<string>());

        Assert.Contains("\"comment\": \"Ops' \\\"edge\\\" <rule> & Zürich\"", json);
        Assert.DoesNotContain("\\u00", json);
        var document = DesiredStateDocument.Parse(json, "export.json");
        Assert.Equal(comment, document.Menus.Single().Entries.Single().Properties["comment"]);
        Assert.Empty(ConfigurationPlanner.Plan(document, router).Changes);
    }

    [Fact]
    public void Every_exported_entry_lists_its_properties_in_one_order_the_key_first()
    {
        // The router lists a property it was given later after the others, so its entries differ in order.
        var router = ConfigurationPlannerTests.Rows(("/ip/firewall/address-list", new[]
        {
            ".id=*1 address=192.0.2.1 list=block comment=bad timeout=1d",
            ".id=*2 comment=worse address=192.0.2.2 list=block",
            ".id=*3 address=192.0.2.3 timeout=2d list=block comment=old",
        }));

        var tree = DesiredStateExport.ToTree(router);

        var entries = (object[])((System.Collections.IDictionary)tree["/ip/firewall/address-list"]!)["Entries"]!;
        var orders = entries.Cast<System.Collections.Specialized.OrderedDictionary>().Select(e => string.Join(",", e.Keys.Cast<string>())).ToList();
        Assert.Equal(new[] { "list,address,comment,timeout", "list,address,comment", "list,address,comment,timeout" }, orders);
    }

    [Fact]
    public void An_export_that_holds_secrets_says_so()
    {
        var router = ConfigurationPlannerTests.Rows(("/snmp", new[] { "enabled=true contact=noc trap-community=s3cret engine-id=80003a8c04" }),
            ("/ip/dns", new[] { "servers=9.9.9.9" }));
        var warnings = new List<string>();

        DesiredStateExport.ToTree(router, warnings);

        var warning = Assert.Single(warnings);
        Assert.StartsWith("/snmp: the document holds secrets (trap-community)", warning);
        Assert.DoesNotContain("s3cret", warning);

        // The default community of every router is no secret: no warning on every export of /snmp.
        warnings.Clear();
        DesiredStateExport.ToTree(ConfigurationPlannerTests.Rows(("/snmp", new[] { "enabled=false trap-community=public" })), warnings);
        Assert.Empty(warnings);
    }
}
