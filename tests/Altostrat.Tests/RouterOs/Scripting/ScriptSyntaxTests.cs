using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

public class ScriptSyntaxTests
{
    private static string Commands(ScriptAnalysis analysis) =>
        string.Join(" | ", analysis.Commands.Select(c => c.Path.Length == 0 ? c.Command : $"{c.Path} {c.Command}"));

    private static void AssertClean(ScriptAnalysis analysis) =>
        Assert.True(analysis.Diagnostics.Count == 0, string.Join("\n", analysis.Diagnostics));

    // Commands are listed in the order they start: a command before the substitutions in its arguments.
    // Each construct of the language, parsed without a diagnostic, with the commands found in source order.
    [Theory]
    [InlineData("/ip firewall filter add chain=input action=accept", "/ip/firewall/filter add")]
    [InlineData("/ip/firewall/filter/add chain=input action=accept", "/ip/firewall/filter add")]
    [InlineData("/ip firewall filter\nadd chain=input\nadd chain=forward", "/ip/firewall/filter add | /ip/firewall/filter add")]
    [InlineData("/ip\nfirewall filter add chain=input", "/ip/firewall/filter add")]
    [InlineData("/ip firewall filter\n{ print }\n/system identity print", "/ip/firewall/filter print | /system/identity print")]
    [InlineData("/ip firewall filter\n..\nnat add chain=srcnat action=masquerade", "/ip/firewall/nat add")]
    [InlineData("/system identity set name=\"core 01\"", "/system/identity set")]
    [InlineData("/ip address add address=10.0.0.1/24 interface=ether1; /ip route print", "/ip/address add | /ip/route print")]
    [InlineData("# a comment\n/ip route print # trailing comment", "/ip/route print")]
    [InlineData("/ip firewall filter add chain=input \\\n    action=accept comment=\"ok\"", "/ip/firewall/filter add")]
    [InlineData("/ip firewall filter add chain=input \\ \n    action=accept comment=\"ok\"", "/ip/firewall/filter add")]
    [InlineData("/ip firewall filter add chain=input \\ \t \r\n    action=accept\n/ip route print", "/ip/firewall/filter add | /ip/route print")]
    [InlineData("/ip firewall filter remove [find comment=\"old\"]", "/ip/firewall/filter remove | /ip/firewall/filter find")]
    [InlineData(":put [/system resource get cpu-load]", ":put | /system/resource get")]
    [InlineData(":local name \"value\"; :global counter 0; :set counter ($counter + 1)", ":local | :global | :set")]
    [InlineData(":if ($x > 1) do={ :put \"big\" } else={ :put \"small\" }", ":if | :put | :put")]
    [InlineData(":foreach i in=[/interface find] do={ :put [/interface get $i name] }", ":foreach | /interface find | :put | /interface get")]
    [InlineData(":for i from=1 to=10 step=2 do={ :put $i }", ":for | :put")]
    [InlineData(":while ($i < 5) do={ :set i ($i + 1) }", ":while | :set")]
    [InlineData(":do { /system script run backup } on-error={ :log warning \"failed\" }", ":do | /system/script run | :log")]
    [InlineData(":do { :set i ($i + 1) } while=($i < 3)", ":do | :set")]
    [InlineData(":delay 5s; :log info \"done\"", ":delay | :log")]
    [InlineData(":local add do={ :return ($1 + $2) }\n:put [$add 1 2]", ":local | :return | :put | $add")]
    [InlineData(":global greet do={ :put \"hello $name\" }\n$greet name=world", ":global | :put | $greet")]
    [InlineData("{ :local x 1; :put $x }", ":local | :put")]
    [InlineData(":local list {1;2;3}; :local map {name=\"a\"; id=2}", ":local | :local")]
    [InlineData(":put \"cpu: $[/system resource get cpu-load]% up $([/system resource get uptime])\"", ":put | /system/resource get | /system/resource get")]
    [InlineData(":put \"escapes: \\\" \\\\ \\n \\r \\t \\$ \\? \\_ \\a \\b \\f \\v \\4A\"", ":put")]
    [InlineData(":put \"a # not a comment\"", ":put")]
    [InlineData("/interface disable ether1", "/interface disable")]
    [InlineData("/ip service set [find name=www] disabled=yes", "/ip/service set | /ip/service find")]
    [InlineData("/", "")]
    [InlineData("", "")]
    public void Parses_each_construct_without_a_diagnostic(string script, string expected)
    {
        var analysis = ScriptAnalyzer.Analyze(script);

        AssertClean(analysis);
        Assert.True(analysis.IsValid);
        Assert.Equal(expected, Commands(analysis));
    }

    [Fact]
    public void Reports_each_command_at_its_line_and_column()
    {
        var analysis = ScriptAnalyzer.Analyze("# header\n/ip firewall filter\n  add chain=input action=accept\n:if (true) do={\n    remove [find]\n}");

        var positions = analysis.Commands.Select(c => $"{c.Line}:{c.Column} {c.Command}");
        Assert.Equal(new[] { "3:3 add", "4:1 :if", "5:5 remove", "5:13 find" }, positions);
    }

    [Fact]
    public void Resolves_quotes_and_escapes_in_argument_values_and_keeps_the_text_as_written()
    {
        var command = ScriptAnalyzer.Analyze("/system identity set name=\"core \\\"01\\\" \\48\\49\" comment=plain").Commands.Single();

        Assert.Equal("name", command.Arguments[0].Name);
        Assert.Equal("core \"01\" HI", command.Arguments[0].Value);
        Assert.Equal("name=\"core \\\"01\\\" \\48\\49\"", command.Arguments[0].Text);
        Assert.Equal("plain", command.Arguments[1].Value);
    }

    [Fact]
    public void Marks_values_computed_at_run_time_as_unknown()
    {
        var command = ScriptAnalyzer.Analyze("/ip route set [find] gateway=$gw distance=(1+1) comment=\"for $site\" disabled=no").Commands.First();

        Assert.Null(command.Arguments[0].Value);
        Assert.Null(command.Arguments[1].Value);
        Assert.Null(command.Arguments[2].Value);
        Assert.Null(command.Arguments[3].Value);
        Assert.Equal("no", command.Arguments[4].Value);
    }

    [Fact]
    public void Joins_continued_lines_even_inside_strings_and_words_as_exports_write_them()
    {
        var analysis = ScriptAnalyzer.Analyze("/system script add name=s source=\"/ip route pri\\\n    nt\" comment=\\\n    done\n/ip route print");

        AssertClean(analysis);
        var add = analysis.Commands[0];
        Assert.Equal("/ip route print", add.Arguments[1].Value);
        Assert.Equal("done", add.Arguments[2].Value);
        Assert.Equal(4, analysis.Commands[1].Line);
    }

    [Fact]
    public void Accepts_windows_line_endings()
    {
        var analysis = ScriptAnalyzer.Analyze("/ip address\r\nadd address=10.0.0.1/24 \\\r\n    interface=ether1\r\n:put \"x\"\r\n");

        AssertClean(analysis);
        Assert.Equal("/ip/address add | :put", Commands(analysis));
        Assert.Equal("ether1", analysis.Commands[0].Arguments[1].Value);
        Assert.Equal(4, analysis.Commands[1].Line);
    }

    // Each kind of mistake, at the place a person has to look, with words that say what to do.
    [Theory]
    [InlineData(":put [/system resource get cpu-load", 1, 6, "'[' is never closed")]
    [InlineData(":if ($x > 1 do={ :put 1 }", 1, 5, "'(' is never closed")]
    [InlineData(":if (true) do={\n  :put 1\n", 1, 15, "'{' is never closed")]
    [InlineData("/ip route print ]", 1, 17, "']' has no matching '['")]
    [InlineData(":put 1 }\n", 1, 8, "'}' has no matching '{'")]
    [InlineData(":put (1 + 2))", 1, 13, "')' has no matching '('")]
    [InlineData(":foreach i in=[/interface find do={ :put $i }", 1, 15, "'[' is never closed")]
    [InlineData(":put \"unterminated", 1, 6, "string is never closed")]
    [InlineData("/system identity set name=\"a\\qb\"", 1, 29, "'\\q' is not an escape")]
    [InlineData(":put \"\\4a\"", 1, 7, "capital letters")]
    [InlineData(":put \"a\" :put \"b\"", 1, 10, "':put' starts a new command where an argument was expected")]
    [InlineData("/ip address print /ip route print", 1, 19, "'/ip' starts a new command")]
    [InlineData("/ip route add gateway = 10.0.0.1", 1, 23, "'=' needs an argument name")]
    [InlineData("/ip route print \\ detail", 1, 17, "backslash outside a string")]
    [InlineData("# comment \\\n:put 1", 1, 11, "comment cannot be continued")]
    [InlineData(":if ($x) { :put 1 }", 1, 1, "':if' needs do={...}")]
    [InlineData(":foreach i do={ :put $i }", 1, 1, "':foreach' needs in=...")]
    [InlineData(":for i from=1 do={ }", 1, 1, "':for' needs to=...")]
    [InlineData(":while do={ }", 1, 1, "':while' needs a condition")]
    [InlineData(":while ($x)", 1, 1, "':while' needs do={...}")]
    [InlineData(":do on-error={ }", 1, 1, "':do' needs a block")]
    [InlineData(":if do={ :put 1 }", 1, 1, "':if' needs a condition")]
    [InlineData(": put 1", 1, 1, "':' must be followed by a scripting command")]
    public void Reports_each_mistake_at_its_line_and_column(string script, int line, int column, string message)
    {
        var analysis = ScriptAnalyzer.Analyze(script);

        Assert.False(analysis.IsValid);
        Assert.Contains(analysis.Diagnostics, d => d.Severity == ScriptDiagnosticSeverity.Error && d.Line == line && d.Column == column && d.Message.Contains(message));
    }

    [Fact]
    public void An_unknown_scripting_command_is_a_warning_that_keeps_the_script_valid()
    {
        var analysis = ScriptAnalyzer.Analyze(":ptu \"x\"");

        Assert.True(analysis.IsValid);
        var warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal(ScriptDiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("':ptu' is not a scripting command", warning.Message);
    }

    [Fact]
    public void Keeps_analyzing_after_a_misplaced_command_so_its_risk_is_still_seen()
    {
        var analysis = ScriptAnalyzer.Analyze(":put \"bye\" /system reboot");

        Assert.False(analysis.IsValid);
        Assert.Equal(":put | /system reboot", Commands(analysis));
        Assert.True(analysis.IsDestructive);
    }

    [Fact]
    public void Reports_an_unclosed_group_once_and_goes_on_with_the_enclosing_block()
    {
        var analysis = ScriptAnalyzer.Analyze(":if (true) do={ :put [find }\n/system reboot");

        var error = Assert.Single(analysis.Diagnostics);
        Assert.Equal((1, 22), (error.Line, error.Column));
        Assert.Equal("/system reboot", analysis.Commands.Last().Text);
    }

    [Fact]
    public void Lists_diagnostics_in_the_order_of_the_text()
    {
        // Both brackets are found unclosed only at the end, the inner one first.
        var analysis = ScriptAnalyzer.Analyze(":ptu 1\n:if (1 {\n/system reboot");

        Assert.Equal(new[] { (1, 1), (2, 1), (2, 5), (2, 8) }, analysis.Diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Theory]
    // Commands the vocabulary knows, though not common verbs.
    [InlineData("/interface/ethernet/poe/power-cycle ether2", "/interface/ethernet/poe power-cycle", ScriptRisk.Destructive)]
    [InlineData("/interface ethernet poe power-cycle ether2", "/interface/ethernet/poe power-cycle", ScriptRisk.Destructive)]
    [InlineData("/log info x", "/log info", ScriptRisk.Read)]
    [InlineData("/log warning \"disk almost full\"", "/log warning", ScriptRisk.Read)]
    [InlineData("/ip cloud force-update", "/ip/cloud force-update", ScriptRisk.Change)]
    public void Finds_commands_written_like_a_menu_path(string script, string expected, ScriptRisk risk)
    {
        var analysis = ScriptAnalyzer.Analyze(script);

        AssertClean(analysis);
        Assert.Equal(expected, Commands(analysis));
        Assert.Equal(risk, analysis.MaxRisk);
        Assert.False(analysis.Commands.Single().MayBeMenu);
    }

    [Theory]
    // A path alone that no line uses as its menu may be a command the analyzer does not know: counted, rated and said so.
    [InlineData("/ip firewall filter\n/system identity print", "/ip/firewall filter | /system/identity print")]
    [InlineData("/interface/ethernet/poe/some-new-command ether2", "/interface/ethernet/poe/some-new-command ether2")]
    [InlineData(":foreach i in=[/interface find] do={ /ip cloud new-thing }", ":foreach | /interface find | /ip/cloud new-thing")]
    // Scripting commands do not use the current menu; only a relative line (or a [find]) does.
    [InlineData("/system check-installation\n:log info done", "/system check-installation | :log")]
    [InlineData(":if (1=1) do={ /system/routerboard/usb/power-reset; :delay 5s }", ":if | /system/routerboard/usb power-reset | :delay")]
    public void Counts_a_path_no_line_uses_as_a_command_and_warns(string script, string expected)
    {
        var analysis = ScriptAnalyzer.Analyze(script);

        Assert.Equal(expected, Commands(analysis));
        var unknown = analysis.Commands.Single(c => c.MayBeMenu);
        Assert.Equal(ScriptRisk.Change, unknown.Risk);
        Assert.Contains(analysis.Diagnostics, d => d.Severity == ScriptDiagnosticSeverity.Warning && d.Message.Contains($"the command '{unknown.Command}'"));
        Assert.True(analysis.IsValid);
    }

    [Theory]
    // A path alone that a later line relies on is only a change of menu.
    [InlineData("/ip firewall filter\nadd chain=input action=accept")]
    [InlineData("/ip firewall filter\n:foreach r in=[find] do={ :put $r }")]
    [InlineData("/ip firewall filter\n# rules follow\n\nprint")]
    public void A_path_a_later_line_relies_on_is_no_command(string script)
    {
        var analysis = ScriptAnalyzer.Analyze(script);

        AssertClean(analysis);
        Assert.DoesNotContain(analysis.Commands, c => c.MayBeMenu);
    }
}
