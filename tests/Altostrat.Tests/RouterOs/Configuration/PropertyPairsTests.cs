using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class PropertyPairsTests
{
    private static readonly PropertyPairs Pairs = new(new[]
    {
        new KeyValuePair<string, string>("list", "block"),
        new KeyValuePair<string, string>("Address", "192.0.2.1"),
        new KeyValuePair<string, string>("comment", ""),
    });

    [Fact]
    public void Looks_names_up_in_any_case_and_keeps_their_order()
    {
        Assert.Equal("192.0.2.1", Pairs["address"]);
        Assert.True(Pairs.TryGetValue("COMMENT", out var comment));
        Assert.Equal("", comment);
        Assert.False(Pairs.ContainsKey("timeout"));
        Assert.Equal(3, Pairs.Count);
        Assert.Equal(new[] { "list", "Address", "comment" }, Pairs.Names());
        Assert.Equal(Pairs.Names(), Pairs.Keys);
        Assert.Equal(new[] { "block", "192.0.2.1", "" }, Pairs.Select(p => p.Value));
    }

    [Fact]
    public void A_set_writes_its_changed_values_over_the_row()
    {
        var row = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase) { [".id"] = "*1", ["list"] = "block", ["address"] = "192.0.2.1" };
        var after = new RowAfterSet(row, new PropertyPairs(new[] { new KeyValuePair<string, string>("ADDRESS", "192.0.2.9") }), null);
        Assert.Equal("192.0.2.9", after["address"]);
        Assert.Equal(new[] { ".id", "list", "address" }, after.Keys);
    }
}
