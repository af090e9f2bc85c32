using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>Text a person reads (and confirms) carries no control character that a terminal would act on.</summary>
public class TerminalSafeTextTests
{
    private const string ClearScreen = "\u001b[2J\u001b[H";

    [Fact]
    public void A_script_line_shows_an_escape_sequence_as_RouterOS_writes_it()
    {
        var command = ScriptAnalyzer.Analyze($"/system identity set name=\"ok{ClearScreen}\"").Commands.Single();

        Assert.DoesNotContain('\u001b', command.Text);
        Assert.Contains("\\1B[2J\\1B[H", command.Text);
        Assert.Equal("ok" + ClearScreen, command.Arguments.Single().Value); // what runs is unchanged
    }

    [Fact]
    public void A_desired_state_script_line_escapes_control_characters_in_its_values()
    {
        // JSON's \u escapes: an ESC sequence that would set the terminal's title, and a bell.
        var hostile = DesiredStateDocument.Parse("""{ "/system/identity": { "name": "x\u001b]0;owned\u0007" } }""");

        var identity = ConfigurationPlanner.Plan(hostile, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>()).Changes.Single();

        Assert.DoesNotContain(identity.Script, char.IsControl);
        Assert.Contains("\\1B]0;owned\\07", identity.Script);
    }
}
