using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

public class ScriptRatingTests
{
    // Configuration changes as the planner writes them: a set, an unset pair on two lines, destructive removals, a move.
    private static readonly string[] Plan =
    {
        "/ip firewall address-list set [find list=\"bulk\" address=\"10.0.0.1\"] comment=\"run 3\"",
        "/ip firewall filter unset [find chain=\"input\" comment=\"ssh\"] log\n/ip firewall filter unset [find chain=\"input\" comment=\"ssh\"] log-prefix",
        "/ip firewall filter remove [find chain=\"input\" comment=\"allow ping\"]",
        "/ip address remove [find address=\"192.0.2.1/24\"]",
        "/ip firewall filter move [find chain=\"forward\" comment=\"a\"] destination=[find chain=\"forward\" comment=\"b\"]",
        "/system identity set name=branch-1",
    };

    private static void AssertRatedAsAlone(IReadOnlyList<string> scripts) =>
        RatingAssert.Same(scripts.Select(script => ScriptRating.Of(ScriptAnalyzer.Analyze(script))).ToList(), ScriptAnalyzer.RateEach(scripts));

    [Fact]
    public void Rating_a_plan_at_once_rates_each_change_as_it_is_rated_alone()
    {
        AssertRatedAsAlone(Plan);
        var ratings = ScriptAnalyzer.RateEach(Plan);
        // Taken together (the later scripts' lines are counted after the earlier ones'), and destructive where it should be.
        Assert.Equal(new[] { 0, 1, 3, 4, 5, 6 }, ratings.Select(r => r.LineOffset));
        Assert.Equal(new[] { false, false, true, true, false, false }, ratings.Select(r => r.IsDestructive));
        // A [find] that picks a command's entries is part of it: one command a line, two for the unset pair.
        Assert.Equal(new[] { 1, 2, 1, 1, 1, 1 }, ratings.Select(r => r.CommandCount));
        // A find that is a statement of its own, in a block, is a command.
        Assert.Equal(1, ScriptRating.Of(ScriptAnalyzer.Analyze("{ /ip route find }")).CommandCount);
    }

    [Theory]
    [InlineData("add name=x")]                                                // relative: would take the previous line's menu
    [InlineData("/ip firewall filter add comment=\"open")]                    // unclosed: would swallow the next line
    [InlineData("/ip address add address=10.0.0.1/24\nremove [find]")]       // a relative second line
    [InlineData("")]
    public void A_script_that_could_read_differently_beside_the_others_is_rated_alone(string odd)
    {
        var scripts = Plan.Append(odd).Append(Plan[3]).ToList();
        AssertRatedAsAlone(scripts);
        Assert.All(ScriptAnalyzer.RateEach(scripts), r => Assert.Equal(0, r.LineOffset));
    }

    [Fact]
    public void A_long_script_reads_every_argument_as_each_line_alone_does()
    {
        // Long enough for the parser's tables of recent and shared strings; repeated words, escapes, interpolation.
        var lines = Enumerable.Range(0, 60).Select(i => (i % 3) switch
        {
            0 => $"/ip firewall address-list set [find list=\"bulk\" address=\"10.0.0.{i}\"] comment=\"run \\\"{i % 2}\\\"\"",
            1 => $"/ip firewall filter add chain=input action=accept comment=\"host $h{i}\" src-address=10.1.{i}.0/24",
            _ => $"/system identity set name=\"r{i % 4}\"",
        }).ToList();
        // Many distinct words of one length: they share the table's slots, and each must still read as itself.
        lines.AddRange(Enumerable.Range(0, 2000).Select(i => $"/system identity set name={(char)('a' + i % 26)}{i / 26:00}"));
        var whole = ScriptAnalyzer.Analyze(string.Join("\n", lines));
        Assert.Empty(whole.Diagnostics);
        var alone = lines.SelectMany(line => ScriptAnalyzer.Analyze(line).Commands).ToList();
        Assert.Equal(alone.Count, whole.Commands.Count);
        for (var i = 0; i < alone.Count; i++)
        {
            Assert.Equal(alone[i].Path, whole.Commands[i].Path);
            Assert.Equal(alone[i].Command, whole.Commands[i].Command);
            Assert.Equal(alone[i].Arguments.Select(a => (a.Name, a.Value)), whole.Commands[i].Arguments.Select(a => (a.Name, a.Value)));
        }
        // An interpolated string has no value; an escaped quote is part of the value.
        Assert.Contains(whole.Commands, c => c.Arguments.Any(a => a.Name == "comment" && a.Value is null));
        Assert.Contains(whole.Commands, c => c.Arguments.Any(a => a.Name == "comment" && a.Value == "run \"1\""));
    }
}
