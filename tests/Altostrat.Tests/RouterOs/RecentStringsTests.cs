using System.Text;
using Altostrat.Engine.Text;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class RecentStringsTests
{
    private static string Decode(RecentStrings cache, string text, int padding = 3)
    {
        // The bytes sit inside a larger buffer, as a word does in the reader's buffer.
        var bytes = Encoding.UTF8.GetBytes(new string('x', padding) + text + "yy");
        return cache.Get(bytes, padding, Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void A_repeated_short_string_is_the_same_instance()
    {
        var cache = new RecentStrings(maxLength: 24);
        var first = Decode(cache, "false");
        var second = Decode(cache, "false", padding: 7);
        Assert.Equal("false", second);
        Assert.Same(first, second);
    }

    [Fact]
    public void Strings_longer_than_the_limit_are_decoded_every_time()
    {
        var cache = new RecentStrings(maxLength: 4);
        var first = Decode(cache, "ether1");
        var second = Decode(cache, "ether1");
        Assert.Equal("ether1", second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Non_ascii_text_decodes_correctly_and_is_never_mistaken_for_a_cached_string()
    {
        var cache = new RecentStrings(maxLength: 24);
        Assert.Equal("café", Decode(cache, "café"));
        Assert.Equal("café", Decode(cache, "café"));
        Assert.Equal(string.Empty, cache.Get(new byte[] { 1, 2 }, 1, 0));
    }

    [Fact]
    public void Many_distinct_strings_sharing_slots_each_decode_to_themselves()
    {
        // 2,000 strings over 256 slots: every slot is overwritten many times, and every answer must still be exact.
        var cache = new RecentStrings(maxLength: 24);
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 2000; i++)
                Assert.Equal("*" + i.ToString("X"), Decode(cache, "*" + i.ToString("X")));
    }

    [Fact]
    public void Text_in_a_builder_is_cached_as_bytes_are_and_each_reads_as_itself()
    {
        var cache = new RecentStrings(maxLength: 24);
        var first = cache.Get(new StringBuilder("comment"));
        Assert.Same(first, cache.Get(new StringBuilder("comm").Append("ent")));
        Assert.Equal("caf\u00e9", cache.Get(new StringBuilder("caf\u00e9")));
        Assert.Equal(string.Empty, cache.Get(new StringBuilder()));
        var longer = new StringBuilder(new string('x', 25));
        Assert.NotSame(cache.Get(longer), cache.Get(longer));
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < 2000; i++)
                Assert.Equal("*" + i.ToString("X"), cache.Get(new StringBuilder("*" + i.ToString("X"))));
    }
}
