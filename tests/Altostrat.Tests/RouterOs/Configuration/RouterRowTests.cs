using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class RouterRowTests
{
    private static async Task<RouterRow> RowAsync(params string[] words)
    {
        var sentences = await Wire.ReadAllAsync(new MemoryStream(Wire.Sentences(new[] { "!re" }.Concat(words).ToArray())));
        return new RouterRow(Assert.Single(sentences));
    }

    [Fact]
    public async Task Looks_properties_up_by_name_in_any_case()
    {
        var row = await RowAsync("=.id=*1", "=list=block", "=address=192.0.2.1");
        Assert.True(row.TryGetValue("LIST", out var list));
        Assert.Equal("block", list);
        Assert.Equal("192.0.2.1", row["Address"]);
        Assert.True(row.ContainsKey(".id"));
        Assert.False(row.TryGetValue("comment", out _));
        Assert.Throws<KeyNotFoundException>(() => row["comment"]);
    }

    [Fact]
    public async Task The_first_of_a_repeated_name_wins_everywhere()
    {
        var row = await RowAsync("=name=first", "=comment=kept", "=Name=second", "=name=third");
        Assert.Equal("first", row["name"]);
        Assert.Equal(2, row.Count);
        Assert.Equal(new[] { "name", "comment" }, row.Keys);
        Assert.Equal(new[] { "first", "kept" }, row.Values);
        Assert.Equal(new[] { new KeyValuePair<string, string>("name", "first"), new KeyValuePair<string, string>("comment", "kept") }, row.ToList());
    }

    [Fact]
    public async Task A_row_without_repeats_enumerates_in_the_routers_order()
    {
        var row = await RowAsync("=.id=*A", "=chain=input", "=action=accept", "=comment=allow ping", "=disabled=false");
        Assert.Equal(5, row.Count);
        Assert.Equal(new[] { ".id", "chain", "action", "comment", "disabled" }, row.Keys);
        Assert.Equal("allow ping", new Dictionary<string, string>(row)["comment"]);
    }

    [Fact]
    public async Task A_long_row_with_repeats_keeps_the_first_of_each()
    {
        var words = Enumerable.Range(0, 40).Select(i => $"=p{i}=v{i}").Concat(new[] { "=P3=late", "=p39=late" }).ToArray();
        var row = await RowAsync(words);
        Assert.Equal(40, row.Count);
        Assert.Equal("v3", row["p3"]);
        Assert.DoesNotContain("late", row.Values);
    }
}
