using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class DesiredStateDocumentTests
{
    [Fact]
    public void A_hashtable_tree_with_a_single_value_and_a_list_menu_parses()
    {
        var tree = new Hashtable(System.StringComparer.OrdinalIgnoreCase)
        {
            ["/system/identity"] = new Hashtable { ["name"] = "branch-1" },
            ["/ip firewall address-list"] = new Hashtable(System.StringComparer.OrdinalIgnoreCase)
            {
                ["key"] = new object[] { "list", "address" },
                ["absent"] = "remove",
                ["ORDER"] = false,
                ["Entries"] = new object[]
                {
                    new Hashtable { ["list"] = "block", ["address"] = "192.0.2.1", ["comment"] = null, ["Timeout"] = 3600 },
                },
            },
            ["/ip/dns"] = new Hashtable { ["servers"] = new[] { "9.9.9.9", "1.1.1.1" }, ["allow-remote-requests"] = true },
        };

        var document = DesiredStateDocument.FromTree(tree);

        var identity = document.Menus.Single(m => m.Path == "/system/identity");
        Assert.Equal("branch-1", identity.Values!["name"]);
        var list = document.Menus.Single(m => m.Path == "/ip/firewall/address-list");
        Assert.Equal(AbsentEntries.Remove, list.Absent);
        var entry = Assert.Single(list.Entries);
        Assert.Equal("list=block,address=192.0.2.1", entry.KeyText);
        Assert.True(entry.Properties.ContainsKey("comment"));
        Assert.Null(entry.Properties["comment"]);
        Assert.Equal("3600", entry.Properties["timeout"]);
        var dns = document.Menus.Single(m => m.Path == "/ip/dns");
        Assert.Equal("9.9.9.9,1.1.1.1", dns.Values!["servers"]);
        Assert.Equal("yes", dns.Values["allow-remote-requests"]);
    }

    [Fact]
    public void Json_parses_with_defaults_for_key_absent_and_order()
    {
        var document = DesiredStateDocument.Parse("""
            {
              "/ip/firewall/filter": { "Order": true, "Entries": [ { "chain": "input", "comment": "mgmt", "action": "accept" } ] },
              "/ip/dns": { "servers": "9.9.9.9", "cache-size": null }
            }
            """, "site.json");

        var filter = document.Menus[0];
        Assert.Equal(new[] { "chain", "comment" }, filter.Key);
        Assert.Equal(AbsentEntries.Ignore, filter.Absent);
        Assert.True(filter.Order);
        Assert.Equal(2, filter.Entries[0].Line);
        Assert.Null(document.Menus[1].Values!["cache-size"]);
    }

    public static IEnumerable<object?[]> BadJson() => new[]
    {
        new object?[] { "{ \"/ip/nonsense\": { \"a\": \"b\" } }", "unknown menu", null, null, 1 },
        new object?[] { "{\n \"/ip/firewall/address-list\": { \"Entries\": [\n { \"list\": \"x\" } ] } }", "no value for the key property 'address'", 0, "address", 3 },
        new object?[] { "{\n \"/ip/firewall/address-list\": { \"Entries\": [\n { \"list\": \"x\", \"address\": \"192.0.2.1\" },\n { \"list\": \"x\", \"address\": \"192.0.2.1/32\" } ] } }", "same key", 1, "list,address", 4 },
        new object?[] { "{\n \"/ip/dns\": { \"servers\": \"1.1.1.1\", }\n \"x\" }", "not valid JSON", null, null, 3 },
        new object?[] { "{ \"/ip/firewall/filter\": { \"chain\": \"input\" } }", "list menu", null, null, 1 },
        new object?[] { "{ \"/system/identity\": { \"Entries\": [] } }", "single-value menu", null, "Entries", 1 },
        new object?[] { "{ \"/ip/firewall/filter\": { \"Order\": \"yes\", \"Entries\": [] } }", "Order takes", null, "Order", 1 },
        new object?[] { "{ \"/ip/firewall/filter\": { \"Absent\": \"Delete\", \"Entries\": [] } }", "Absent takes", null, "Absent", 1 },
        new object?[] { "{ \"/ip/firewall/filter\": { \"Key\": 3, \"Entries\": [] } }", "Key takes", null, "Key", 1 },
        new object?[] { "{ \"/interface\": { \"Absent\": \"Remove\", \"Entries\": [] } }", "cannot be removed", null, "Absent", 1 },
        new object?[] { "{ \"/ip/address\": { \"Entries\": [ { \"address\": \"10.0.0.1/24\", \"interface\": \"ether1\", \"network\": \"10.0.0.0\" } ] } }", "read-only", 0, "network", 1 },
        new object?[] { "{ \"/ip/dns\": { \"servers\": { \"a\": 1 } } }", "must be text, a number, a boolean, a list of those, or null (to unset); got a table.", null, "servers", 1 },
        new object?[] { "{ \"/ip/dns\": { \"servers\": \"a\", \"SERVERS\": \"b\" } }", "twice", null, "SERVERS", 1 },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public void Bad_documents_are_refused_with_where_and_why(string json, string problem, int? entryIndex, string? field, int line)
    {
        var error = Assert.Throws<DesiredStateException>(() => DesiredStateDocument.Parse(json, "site.json"));
        Assert.Contains(problem, error.Message);
        Assert.Equal("site.json", error.Source);
        Assert.Equal(entryIndex, error.EntryIndex);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Line);
        Assert.StartsWith("site.json:" + line, error.Message);
        // The entry as a PowerShell user indexes it; one line number only, counted from one.
        if (entryIndex is { } index) Assert.Contains($", Entries[{index}]", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void A_tree_with_an_unknown_menu_names_the_menu()
    {
        var error = Assert.Throws<DesiredStateException>(() => DesiredStateDocument.FromTree(new Hashtable { ["/ip/frobnicate"] = new Hashtable() }));
        Assert.Equal("/ip/frobnicate", error.Menu);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Two_tree_keys_that_differ_only_in_case_are_refused()
    {
        var tree = new Dictionary<string, object?> { ["/ip/dns"] = new Dictionary<string, object?> { ["servers"] = "a", ["Servers"] = "b" } };
        Assert.Throws<DesiredStateException>(() => DesiredStateDocument.FromTree(tree));
    }
}
