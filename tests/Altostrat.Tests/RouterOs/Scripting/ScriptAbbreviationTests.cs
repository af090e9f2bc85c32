using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>RouterOS takes words shortened while they name one thing: a shortened command is rated as its full form, never lower.</summary>
public class ScriptAbbreviationTests
{
    [Theory]
    [InlineData("/sys reb", "/system reboot")]
    [InlineData("/system shut", "/system shutdown")]
    [InlineData("/system reset", "/system reset-configuration")]
    [InlineData("/ip fire fil add chain=input action=drop", "/ip firewall filter add")]
    [InlineData("/ip fire fil move 3 0", "/ip firewall filter move")]
    [InlineData("/ip serv set api disabled=yes", "/ip service set")]
    // A shortened command with a positional value after it, which the parser first takes for menu words.
    [InlineData("/file rem flash/old.backup", "/file remove")]
    [InlineData("/certificate rem cert1", "/certificate remove")]
    [InlineData("/system package dis wireless", "/system package disable")]
    [InlineData("/ip firewall filter rem 3", "/ip firewall filter remove")]
    public void A_shortened_destructive_command_is_still_destructive(string script, string meant)
    {
        var command = ScriptAnalyzer.Analyze(script).Commands.Single();

        Assert.Equal(ScriptRisk.Destructive, command.Risk);
        Assert.StartsWith($"reads as short for '{meant}', as RouterOS takes it: ", command.Reason);
    }

    [Theory]
    // A word that is short for a harmless command never lowers the rating of what is written (list is not listen).
    [InlineData("/interface list add name=uplinks", ScriptRisk.Change)]
    [InlineData("/int print", ScriptRisk.Read)]
    // A menu the analyzer does not know is rated as written.
    [InlineData("/ip dhcp-server lease print", ScriptRisk.Read)]
    [InlineData("/interface list member add list=LAN interface=ether2", ScriptRisk.Change)]
    [InlineData("/system scheduler add name=x interval=1d", ScriptRisk.Change)]
    public void Other_words_are_rated_as_written(string script, ScriptRisk risk)
    {
        var command = ScriptAnalyzer.Analyze(script).Commands.Single();

        Assert.Equal(risk, command.Risk);
        Assert.DoesNotContain("short for", command.Reason);
    }
}
