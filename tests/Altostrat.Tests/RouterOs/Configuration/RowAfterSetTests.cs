using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Configuration;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class RowAfterSetTests
{
    private static readonly Dictionary<string, string> Row = new(StringComparer.OrdinalIgnoreCase)
    {
        [".id"] = "*1", ["list"] = "block", ["address"] = "192.0.2.1", ["comment"] = "old", ["timeout"] = "1d",
    };

    [Fact]
    public void Written_values_replace_the_rows_in_place_and_new_ones_come_last()
    {
        var writes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Comment"] = "new", ["disabled"] = "yes" };
        var after = new RowAfterSet(Row, writes, null);
        Assert.Equal(new[] { ".id", "list", "address", "comment", "timeout", "disabled" }, after.Keys);
        Assert.Equal("new", after["comment"]);
        Assert.Equal("yes", after["DISABLED"]);
        Assert.Equal("192.0.2.1", after["address"]);
        Assert.Equal(6, after.Count);
        Assert.Equal("old", Row["comment"]);
    }

    [Fact]
    public void Unset_properties_are_gone()
    {
        var after = new RowAfterSet(Row, null, new[] { "TIMEOUT", "comment" });
        Assert.False(after.ContainsKey("timeout"));
        Assert.False(after.TryGetValue("comment", out _));
        Assert.Throws<KeyNotFoundException>(() => after["comment"]);
        Assert.Equal(3, after.Count);
        Assert.Equal(new[] { "*1", "block", "192.0.2.1" }, after.Values);
        Assert.Equal(Row.Where(p => p.Key is ".id" or "list" or "address"), after.ToList());
    }
}
