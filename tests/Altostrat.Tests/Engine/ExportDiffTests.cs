using System.Linq;
using Altostrat.Engine.Backups;
using Xunit;

namespace Altostrat.Tests.Engine;

/// <summary>The line diff of two RouterOS exports: header noise ignored, menus tracked, unified output.</summary>
public sealed class ExportDiffTests
{
    private const string Reference = """
        # 2025-11-01 02:00:00 by RouterOS 7.16.1
        # software id = AB12-CD34
        #
        # model = CHR
        # serial number = HE9A025
        /interface bridge
        add name=bridge
        /ip address
        add address=192.168.88.1/24 interface=bridge network=192.168.88.0
        /ip firewall filter
        add action=accept chain=input connection-state=established,related
        add action=drop chain=input comment="drop all from WAN" \
            in-interface=ether1
        /system identity
        set name=core-01

        """;

    [Fact]
    public void The_same_configuration_exported_at_another_time_on_another_router_has_no_difference()
    {
        var later = Reference.Replace("2025-11-01 02:00:00", "2026-01-02 03:04:05").Replace("AB12-CD34", "ZZ99-YY88").Replace("HE9A025", "HE000001");
        Assert.Empty(ExportDiff.Compare(Reference, later));
        Assert.Equal("", ExportDiff.Unified(Reference, later, "a.rsc", "b.rsc"));
        // The service's own diff (no filtering) does show the header.
        Assert.Contains("-# 2025-11-01 02:00:00 by RouterOS 7.16.1", ExportDiff.Unified(Reference, later, "a.rsc", "b.rsc", ignoreNoise: false));
    }

    [Fact]
    public void A_changed_address_is_one_removed_and_one_added_line_in_its_menu()
    {
        var changed = Reference.Replace("add address=192.168.88.1/24", "add address=10.0.0.1/24");
        var diff = ExportDiff.Compare(Reference, changed);
        Assert.Equal(2, diff.Count);
        Assert.Equal('-', diff[0].Indicator);
        Assert.Equal(9, diff[0].LineNumber);
        Assert.Equal("/ip address", diff[0].Menu);
        Assert.StartsWith("add address=192.168.88.1/24", diff[0].Text);
        Assert.Equal('+', diff[1].Indicator);
        Assert.Equal(9, diff[1].LineNumber);
        Assert.StartsWith("add address=10.0.0.1/24", diff[1].Text);
    }

    [Fact]
    public void A_change_in_a_continued_line_is_the_whole_logical_line_in_its_menu()
    {
        var changed = Reference.Replace("    in-interface=ether1", "    in-interface=ether9");
        var diff = ExportDiff.Compare(Reference, changed);
        Assert.Equal(2, diff.Count);
        Assert.Equal("add action=drop chain=input comment=\"drop all from WAN\" in-interface=ether1", diff[0].Text);
        Assert.Equal("add action=drop chain=input comment=\"drop all from WAN\" in-interface=ether9", diff[1].Text);
        Assert.All(diff, l => Assert.Equal("/ip firewall filter", l.Menu));
        Assert.All(diff, l => Assert.Equal(12, l.LineNumber));
        Assert.Equal("/system identity", ExportDiff.Parse(Reference).Single(l => l.Text == "set name=core-01").Menu);
        Assert.Null(ExportDiff.Parse(Reference).First().Menu);
    }

    [Fact]
    public void A_line_wrapped_at_another_column_is_no_difference()
    {
        var rewrapped = Reference.Replace("add action=drop chain=input comment=\"drop all from WAN\" \\\n    in-interface=ether1",
            "add action=drop chain=input \\\n    comment=\"drop all from WAN\" in-interface=ether1");
        Assert.NotEqual(Reference, rewrapped);
        Assert.Empty(ExportDiff.Compare(Reference, rewrapped));
        var unwrapped = Reference.Replace(" \\\n    in-interface", " in-interface");
        Assert.Empty(ExportDiff.Compare(Reference, unwrapped));
        Assert.Equal("", ExportDiff.Unified(Reference, unwrapped, "a.rsc", "b.rsc"));
    }

    [Fact]
    public void A_continued_string_joins_without_the_indent_and_an_escaped_backslash_continues_nothing()
    {
        const string script = """
            /system script
            add name=hello source=":put \"hel\
                lo\""
            add name=path comment=C:\\
            add name=next

            """;
        var lines = ExportDiff.Parse(script);
        Assert.Equal(new[] { "/system script", "add name=hello source=\":put \\\"hello\\\"\"", "add name=path comment=C:\\\\", "add name=next" },
            lines.Select(l => l.Text));
        Assert.Equal(new[] { 1, 2, 4, 5 }, lines.Select(l => l.Number));
    }

    [Fact]
    public void Unified_output_prints_a_continued_line_as_the_file_wraps_it()
    {
        var changed = Reference.Replace("    in-interface=ether1", "    in-interface=ether9");
        var lines = ExportDiff.Unified(Reference, changed, "1.rsc", "2.rsc", context: 1).Split('\n');
        Assert.Equal(new[]
        {
            "--- 1.rsc", "+++ 2.rsc", "@@ -11,4 +11,4 @@",
            " add action=accept chain=input connection-state=established,related",
            "-add action=drop chain=input comment=\"drop all from WAN\" \\", "-    in-interface=ether1",
            "+add action=drop chain=input comment=\"drop all from WAN\" \\", "+    in-interface=ether9",
            " /system identity", "",
        }, lines);
    }

    [Fact]
    public void Added_and_removed_sections_are_found_with_their_line_numbers_in_their_own_file()
    {
        var changed = Reference.Replace("/system identity\nset name=core-01\n", "/ip dns\nset servers=9.9.9.9\n/system identity\nset name=core-02\n");
        var diff = ExportDiff.Compare(Reference, changed);
        Assert.Contains(diff, l => l.Added && l.Text == "/ip dns" && l.LineNumber == 14);
        Assert.Contains(diff, l => l.Added && l.Text == "set servers=9.9.9.9" && l.Menu == "/ip dns");
        Assert.Contains(diff, l => !l.Added && l.Text == "set name=core-01" && l.LineNumber == 15 && l.Menu == "/system identity");
        Assert.Contains(diff, l => l.Added && l.Text == "set name=core-02" && l.LineNumber == 17);
        Assert.Equal(4, diff.Count);
    }

    [Fact]
    public void Unified_output_has_headers_hunks_and_context()
    {
        var changed = Reference.Replace("set name=core-01", "set name=core-02");
        var unified = ExportDiff.Unified(Reference, changed, "1.rsc", "2.rsc");
        var lines = unified.Split('\n');
        Assert.Equal("--- 1.rsc", lines[0]);
        Assert.Equal("+++ 2.rsc", lines[1]);
        Assert.Equal("@@ -11,5 +11,5 @@", lines[2]); // three lines of context: two of them one continued line
        Assert.Contains("-set name=core-01", lines);
        Assert.Contains("+set name=core-02", lines);
        Assert.Contains("     in-interface=ether1", lines);
    }

    [Fact]
    public void Everything_differs_from_an_empty_export_and_the_diff_is_minimal_on_larger_inputs()
    {
        Assert.Equal(ExportDiff.Parse(Reference).Count(l => !l.IsNoise), ExportDiff.Compare("", Reference).Count);
        var a = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"add address=10.{i / 250}.{i % 250}.1/24 interface=ether1"));
        var b = string.Join("\n", Enumerable.Range(0, 2000).Where(i => i % 100 != 7).Select(i => $"add address=10.{i / 250}.{i % 250}.1/24 interface=ether1"));
        var diff = ExportDiff.Compare(a, b);
        Assert.Equal(20, diff.Count);
        Assert.All(diff, l => Assert.False(l.Added));
    }

    [Fact]
    public void The_same_configuration_exported_from_other_hardware_has_no_difference()
    {
        // Another model, a RouterOS 6 date, no serial number (as on a CHR): every line of the header differs.
        var other = Reference.Replace("""
            # 2025-11-01 02:00:00 by RouterOS 7.16.1
            # software id = AB12-CD34
            #
            # model = CHR
            # serial number = HE9A025
            """, """
            # dec/01/2026 09:00:00 by RouterOS 6.49.10
            # software id = ZZ99-YY88
            #
            # model = RB5009UG+S+IN
            #
            """);
        Assert.NotEqual(Reference, other);
        Assert.Empty(ExportDiff.Compare(Reference, other));
        Assert.Equal("", ExportDiff.Unified(Reference, other, "a.rsc", "b.rsc"));
        Assert.All(ExportDiff.Parse(Reference).Take(5), l => Assert.True(l.IsNoise, l.Text));
        Assert.All(ExportDiff.Parse(Reference).Skip(5), l => Assert.False(l.IsNoise, l.Text));
    }

    [Fact]
    public void A_comment_below_the_first_command_is_configuration()
    {
        var commented = Reference.Replace("/system identity\n", "# model = CHR\n#\n/system identity\n");
        var diff = ExportDiff.Compare(Reference, commented);
        Assert.Equal(new[] { "# model = CHR", "#" }, diff.Select(l => l.Text));
        Assert.All(diff, l => Assert.True(l.Added));
        Assert.Equal(new[] { 14, 15 }, diff.Select(l => l.LineNumber));
    }
}
