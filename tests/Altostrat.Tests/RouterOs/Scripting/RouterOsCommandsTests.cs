using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>The one definition of read-only RouterOS commands, and the analyzer agreeing with it.</summary>
public sealed class RouterOsCommandsTests
{
    [Theory]
    [InlineData("/ip/address/print", true)]
    [InlineData("/ip address print", true)]
    [InlineData("print", true)]
    [InlineData("PRINT", true)]
    [InlineData("/system/resource/getall", true)]
    [InlineData("/interface/listen", true)]
    [InlineData("/interface/monitor-traffic", true)]
    [InlineData("/export", true)]
    [InlineData("/ip/firewall/filter/get", true)]
    [InlineData("/ip/address/add", false)]
    [InlineData("/ip/address/set", false)]
    [InlineData("/ip/firewall/filter/unset", false)]
    [InlineData("/ip/firewall/filter/move", false)]
    [InlineData("/system/script/run", false)]
    [InlineData("/safe-mode/take", false)]
    [InlineData("/system/reboot", false)]
    public void Says_which_commands_only_read_in_either_spelling(string command, bool readOnly)
    {
        Assert.Equal(readOnly, RouterOsCommands.IsReadOnly(command));
    }

    [Fact]
    public void Streaming_commands_are_read_only_but_never_finish()
    {
        Assert.True(RouterOsCommands.RunsUntilCancelled("/interface/listen"));
        Assert.True(RouterOsCommands.RunsUntilCancelled("/ping"));
        Assert.False(RouterOsCommands.RunsUntilCancelled("/ip/address/print"));
        Assert.All(new[] { "listen", "monitor", "ping", "torch" }, v => Assert.Contains(v, RouterOsCommands.ReadOnlyVerbs));
    }

    [Fact]
    public void The_analyzer_rates_every_read_only_verb_it_parses_as_a_read()
    {
        foreach (var verb in RouterOsCommands.ReadOnlyVerbs.Where(v => v is not ("getall" or "listen"))) // API-only words, no CLI commands
        {
            var command = Assert.Single(ScriptAnalyzer.Analyze("/interface " + verb).Commands);
            Assert.Equal(verb, command.Command);
            Assert.Equal(ScriptRisk.Read, command.Risk);
        }
        Assert.NotEqual(ScriptRisk.Read, Assert.Single(ScriptAnalyzer.Analyze("/interface set ether1 mtu=1400").Commands).Risk);
    }
}
