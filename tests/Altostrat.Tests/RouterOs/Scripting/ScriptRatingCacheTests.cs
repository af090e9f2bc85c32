using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

public class ScriptRatingCacheTests
{
    private static readonly string[] Plan =
    {
        "/ip firewall address-list add list=bulk address=10.0.0.1 comment=\"run 1\"",
        "/ip firewall address-list set [find list=\"bulk\" address=\"10.0.0.2\"] comment=\"run 2\"",
        "/ip firewall filter add chain=forward action=drop comment=\"no\"",
        "/ip address remove [find address=\"192.0.2.1/24\"]",
        "/system identity set name=branch-1",
    };

    [Fact]
    public void A_plan_seen_before_is_rated_as_the_analyzer_rates_it_without_analysing_its_lines_again()
    {
        var cache = new ScriptRatingCache(capacity: 100);
        RatingAssert.Same(ScriptAnalyzer.RateEach(Plan), cache.RateEach(Plan));
        Assert.Equal(Plan.Length, cache.AnalyzedCount);

        // Another router's plan: the same lines in another order, and one new line.
        var other = Plan.Reverse().Append("/ip dns set servers=9.9.9.9").ToArray();
        RatingAssert.Same(ScriptAnalyzer.RateEach(other), cache.RateEach(other));
        // Only the new line, and the destructive one, which is never kept, were analysed.
        Assert.Equal(Plan.Length + 2, cache.AnalyzedCount);
    }

    [Fact]
    public void A_full_cache_starts_over_rather_than_growing()
    {
        var cache = new ScriptRatingCache(capacity: 2);
        cache.RateEach(new[] { Plan[0], Plan[1], Plan[2] });
        Assert.Equal(3, cache.AnalyzedCount);
        // The third line filled it past its capacity, so it started over with that line alone.
        cache.RateEach(new[] { Plan[2] });
        Assert.Equal(3, cache.AnalyzedCount);
        cache.RateEach(new[] { Plan[0] });
        Assert.Equal(4, cache.AnalyzedCount);
    }

    [Fact]
    public void A_missing_script_is_rated_and_not_kept()
    {
        var cache = new ScriptRatingCache(capacity: 10);
        var ratings = cache.RateEach(new string[] { null!, "", Plan[0] });
        Assert.Equal(0, ratings[0].CommandCount);
        Assert.Equal(0, ratings[1].CommandCount);
        Assert.Equal(ScriptRisk.Change, ratings[2].MaxRisk);
        cache.RateEach(new string[] { null! });
        Assert.Equal(4, cache.AnalyzedCount);
    }

    [Fact]
    public void A_line_missed_twice_at_once_is_kept_and_counted_once()
    {
        // As when routers miss the same line at the same moment: the same line twice among the unknown ones.
        var cache = new ScriptRatingCache(capacity: 2);
        var ratings = cache.RateEach(new[] { Plan[0], Plan[0] });
        RatingAssert.Same(ScriptAnalyzer.RateEach(new[] { Plan[0], Plan[0] }), ratings);
        // Had the line been counted twice, this one would find the cache full and empty it.
        cache.RateEach(new[] { Plan[1] });
        var analyzed = cache.AnalyzedCount;
        cache.RateEach(new[] { Plan[0], Plan[1] });
        Assert.Equal(analyzed, cache.AnalyzedCount);
    }
}
