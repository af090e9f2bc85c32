using System;
using System.IO;
using System.Linq;
using System.Text;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>
/// Any input: never an exception, positions inside the text, and work linear in the length. The work is the
/// number of characters the parser consumed (re-reads included), so the bound is exact and no clock is involved.
/// </summary>
public class ScriptAnalyzerRobustnessTests
{
    private const string Alphabet = "[]{}()\"\\$=;#:/ \n\t\rabcxyz019.-_,!<>~?&|'";

    private static void AssertLinearAndSane(string script)
    {
        var parser = new ScriptParser(script);
        var analysis = parser.Parse();

        Assert.InRange(parser.Steps, 0, 2L * script.Length + 16);
        var lines = script.Count(c => c == '\n') + 1;
        Assert.All(analysis.Diagnostics, d =>
        {
            Assert.InRange(d.Line, 1, lines);
            Assert.True(d.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        });
        Assert.All(analysis.Commands, c => Assert.InRange(c.Line, 1, lines));
    }

    [Fact]
    public void Random_input_never_throws_and_costs_at_most_two_steps_a_character()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 4000; i++)
        {
            var length = random.Next(0, i < 3000 ? 200 : 5000);
            var text = new StringBuilder(length);
            for (var j = 0; j < length; j++) text.Append(Alphabet[random.Next(Alphabet.Length)]);
            AssertLinearAndSane(text.ToString());
        }
    }

    [Fact]
    public void Every_truncation_of_real_scripts_never_throws()
    {
        var folder = Path.GetDirectoryName(RealWorldScriptTests.SamplePath("lockdown.rsc"))!;
        foreach (var file in Directory.GetFiles(folder, "*.rsc"))
        {
            var script = File.ReadAllText(file);
            for (var cut = 0; cut <= script.Length; cut++) AssertLinearAndSane(script.Substring(0, cut));
        }
    }

    [Theory]
    [InlineData("[", 200_000)]
    [InlineData("{", 200_000)]
    [InlineData("(", 200_000)]
    [InlineData("$[", 100_000)]
    [InlineData("\"$(", 100_000)]
    [InlineData(":if (", 100_000)]
    [InlineData("do={", 100_000)]
    [InlineData("]", 200_000)]
    [InlineData("\"", 200_001)]
    [InlineData("\\\n", 200_000)]
    [InlineData("\\q", 100_000)]
    [InlineData(":put \"a\" ", 50_000)]
    [InlineData("/ip address print /ip route print ", 20_000)]
    [InlineData("a/", 200_000)]
    [InlineData("x ", 200_000)]
    [InlineData("= ", 100_000)]
    public void Pathological_repetitions_stay_linear(string unit, int count)
    {
        AssertLinearAndSane(string.Concat(Enumerable.Repeat(unit, count)));
    }

    [Fact]
    public void Deep_nesting_is_reported_instead_of_exhausting_the_stack()
    {
        var script = new string('[', 100_000) + new string(']', 100_000);

        var analysis = ScriptAnalyzer.Analyze(script);

        var error = Assert.Single(analysis.Diagnostics);
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void A_long_path_followed_by_many_relative_lines_stays_linear()
    {
        var script = "/" + string.Join(" ", Enumerable.Repeat(new string('m', 60), 40)) + "\n" + string.Concat(Enumerable.Repeat("add a=1\n", 20_000));

        AssertLinearAndSane(script);
    }

    [Fact]
    public void Null_and_empty_input_give_an_empty_valid_analysis()
    {
        Assert.True(ScriptAnalyzer.Analyze(null).IsValid);
        Assert.Empty(ScriptAnalyzer.Analyze("").Commands);
    }
}
