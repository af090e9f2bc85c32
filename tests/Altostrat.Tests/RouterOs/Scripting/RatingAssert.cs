using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;
using Xunit;

namespace Altostrat.Tests.RouterOs.Scripting;

/// <summary>Two sets of ratings that a risk gate cannot tell apart: risk, counts, and the destructive lines it shows.</summary>
internal static class RatingAssert
{
    public static void Same(IReadOnlyList<ScriptRating> expected, IReadOnlyList<ScriptRating> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].MaxRisk, actual[i].MaxRisk);
            Assert.Equal(expected[i].CommandCount, actual[i].CommandCount);
            Assert.Equal(expected[i].ErrorCount, actual[i].ErrorCount);
            Assert.Equal(expected[i].Destructive.Select(c => (c.Line - expected[i].LineOffset, c.Text, c.Reason)),
                actual[i].Destructive.Select(c => (c.Line - actual[i].LineOffset, c.Text, c.Reason)));
        }
    }
}
