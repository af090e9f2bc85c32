using Altostrat.Engine.Text;
using Xunit;

namespace Altostrat.Tests.Engine;

public class SpellingSuggestionTests
{
    [Theory]
    [InlineData("serverz", "servers")]          // one letter replaced
    [InlineData("commnet", "comment")]          // two neighbours swapped
    [InlineData("alow-remote-requests", "allow-remote-requests")] // one left out
    [InlineData("SERVERS", null)]               // the same name in another case is no misspelling
    [InlineData("gateway", null)]               // nothing alike
    [InlineData("ab", null)]                    // too short to tell a slip from another word
    public void Finds_the_name_one_or_two_slips_away(string word, string? expected)
    {
        Assert.Equal(expected, SpellingSuggestion.Closest(word, new[] { "servers", "comment", "allow-remote-requests", "cache-size", "ac" }));
    }

    [Fact]
    public void Prefers_the_nearest_candidate()
    {
        Assert.Equal("mtu", SpellingSuggestion.Closest("mtuu", new[] { "mru", "mtu" }));
    }
}
