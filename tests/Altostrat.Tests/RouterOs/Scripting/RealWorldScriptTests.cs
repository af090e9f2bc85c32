using System.IO;
using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>
/// Scripts in the styles found in public RouterOS collections and exports: defconf exports with continuations
/// inside strings, backup mailers, DDNS updaters, function libraries, nested loops, lockdowns.
/// </summary>
public class RealWorldScriptTests
{
    public static string SamplePath(string name) => Path.Combine(System.AppContext.BaseDirectory, "RouterOs", "Scripting", "Samples", name);

    [Theory]
    [InlineData("export-style.rsc", ScriptRisk.Change, "")]
    [InlineData("backup-and-mail.rsc", ScriptRisk.Destructive, "19")]
    [InlineData("ddns-updater.rsc", ScriptRisk.Change, "")]
    [InlineData("function-library.rsc", ScriptRisk.Read, "")]
    [InlineData("loops-and-blocks.rsc", ScriptRisk.Destructive, "19")]
    [InlineData("lockdown.rsc", ScriptRisk.Destructive, "5,7,8,9,11,12")]
    public void Parses_without_a_false_error_and_finds_the_risky_lines(string sample, ScriptRisk maxRisk, string destructiveLines)
    {
        var analysis = ScriptAnalyzer.Analyze(File.ReadAllText(SamplePath(sample)));

        Assert.True(analysis.Diagnostics.Count == 0, string.Join("\n", analysis.Diagnostics));
        Assert.Equal(maxRisk, analysis.MaxRisk);
        var lines = analysis.Commands.Where(c => c.Risk == ScriptRisk.Destructive).Select(c => c.Line.ToString());
        Assert.Equal(destructiveLines, string.Join(",", lines));
    }

    [Fact]
    public void Reads_the_export_with_its_menus_and_joined_values()
    {
        var analysis = ScriptAnalyzer.Analyze(File.ReadAllText(SamplePath("export-style.rsc")));

        var network = Assert.Single(analysis.Commands, c => c.Path == "/ip/dhcp-server/network");
        Assert.Equal("192.168.88.1", network.Arguments.Single(a => a.Name == "gateway").Value);
        var script = Assert.Single(analysis.Commands, c => c.Path == "/system/script");
        Assert.Equal(":local name [/system identity get name]\r\n/system backup save name=($name . \"-nightly\")\r\n:log info \"backup done\"",
            script.Arguments.Single(a => a.Name == "source").Value);
        Assert.Equal(7, analysis.Commands.Count(c => c.Path == "/ip/firewall/filter" || c.Path == "/ip/firewall/nat" || c.Path == "/interface/list/member"));
    }

    [Fact]
    public void Resolves_calls_of_functions_the_library_defines()
    {
        var analysis = ScriptAnalyzer.Analyze(File.ReadAllText(SamplePath("function-library.rsc")));

        var calls = analysis.Commands.Where(c => c.Command.StartsWith("$")).ToList();
        Assert.Equal(new[] { "$joinArray", "$interfaceReport", "$quote" }, calls.Select(c => c.Command));
        Assert.All(calls, c => Assert.Contains("defined at line", c.Reason));
    }
}
