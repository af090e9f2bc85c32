using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class SentenceReaderTests
{
    // The example of ROUTEROS.md: /login =name=admin =password= (empty password).
    private const string LoginSentenceHex = "06 2f 6c 6f 67 69 6e 0b 3d 6e 61 6d 65 3d 61 64 6d 69 6e 0a 3d 70 61 73 73 77 6f 72 64 3d 00";

    [Fact]
    public void The_writer_produces_the_documented_login_bytes()
    {
        using var writer = new SentenceWriter();
        writer.Word("/login").Attribute("name", "admin").Attribute("password", "").End();
        Assert.Equal(Wire.Hex(LoginSentenceHex), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Reads_the_documented_login_bytes()
    {
        var sentences = await Wire.ReadAllAsync(new MemoryStream(Wire.Hex(LoginSentenceHex)));
        var login = Assert.Single(sentences);
        Assert.Equal("/login", login.Command);
        Assert.Equal("admin", login["name"]);
        Assert.Equal("", login["password"]);
        Assert.Null(login.Tag);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("999999999", 999999999)]
    [InlineData("1000000000", -1)] // ten digits: beyond what is read as a number
    [InlineData("012", -1)]        // a leading zero: another spelling, kept as text
    [InlineData("1a", -1)]
    [InlineData("-1", -1)]
    public async Task A_tag_that_is_a_plain_number_is_read_as_one_and_any_other_stays_text(string tag, int number)
    {
        var sentence = Assert.Single(await Wire.ReadAllAsync(new MemoryStream(Wire.Sentences(new[] { "!done", ".tag=" + tag }))));
        Assert.Equal(number, sentence.TagNumber);
        Assert.Equal(tag, sentence.Tag);
    }

    [Theory]
    [InlineData("5", "x", "x")]
    [InlineData("x", "5", "5")]
    [InlineData("5", "6", "6")]
    public async Task A_second_tag_word_replaces_the_first(string first, string second, string expected)
    {
        var sentence = Assert.Single(await Wire.ReadAllAsync(new MemoryStream(Wire.Sentences(new[] { "!done", ".tag=" + first, ".tag=" + second }))));
        Assert.Equal(expected, sentence.Tag);
        Assert.Equal(int.TryParse(expected, out var number) ? number : -1, sentence.TagNumber);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(4711)]
    [InlineData(999999999)]
    public void A_numeric_tag_is_written_as_its_text_would_be(int tag)
    {
        using var asNumber = new SentenceWriter();
        using var asText = new SentenceWriter();
        asNumber.Word("/x").Tag(tag).End();
        asText.Word("/x").Tag(tag.ToString(System.Globalization.CultureInfo.InvariantCulture)).End();
        Assert.Equal(asText.WrittenSpan.ToArray(), asNumber.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task Tags_read_right_when_sentences_repeat_or_change_them()
    {
        var bytes = Wire.Sentences(
            new[] { "!re", "=name=a", ".tag=12" }, new[] { "!re", "=name=b", ".tag=12" }, new[] { "!done", ".tag=13" },
            new[] { "!done", ".tag=1" }, new[] { "!done", ".tag=\u00e9" }, new[] { "!done", ".tag=\u00c3\u00a9" }, new[] { "!done", ".tag=12" });
        var sentences = await Wire.ReadAllAsync(new MemoryStream(bytes));
        Assert.Equal(new[] { "12", "12", "13", "1", "\u00e9", "\u00c3\u00a9", "12" }, sentences.Select(s => s.Tag));
        Assert.Equal(new[] { "a", "b" }, sentences.Take(2).Select(s => s["name"]));
        Assert.Empty(sentences[2].Attributes);
    }

    [Theory]
    [InlineData(0x7E)] // with the leading '=' the word is 0x7F: last one-byte length
    [InlineData(0x7F)] // 0x80: first two-byte length
    [InlineData(0x3FFE)]
    [InlineData(0x3FFF)]
    [InlineData(0x1FFFFE)]
    [InlineData(0x1FFFFF)]
    public async Task Round_trips_values_at_each_tier_boundary(int valueLength)
    {
        var value = new string('v', valueLength - 2); // "=k=" + value: 3 bytes of framing, minus the 'k' counted below
        using var writer = new SentenceWriter();
        writer.Word("!re").Attribute("k", value + "xy").Tag("7").End();
        var bytes = writer.WrittenSpan.ToArray();
        var expectedPrefix = Wire.Prefix(3 + valueLength);
        Assert.Equal(expectedPrefix, bytes.Skip(4).Take(expectedPrefix.Length).ToArray());

        var row = Assert.Single(await Wire.ReadAllAsync(ChunkedStream.ByteByByte(bytes)));
        Assert.Equal(value + "xy", row["k"]);
        Assert.Equal("7", row.Tag);
    }

    [Fact]
    public async Task Splits_words_by_kind_and_keeps_equals_signs_inside_values()
    {
        var bytes = Wire.Sentences(
            new[] { "!re", "=.id=*1F", "=comment=a=b==c", "=disabled=", "=name", ".tag=42", "?ignored", "other" });
        var row = Assert.Single(await Wire.ReadAllAsync(new MemoryStream(bytes)));

        Assert.Equal("!re", row.Command);
        Assert.Equal("42", row.Tag);
        Assert.Equal(new[] { ".id", "comment", "disabled", "name" }, row.Attributes.Select(a => a.Key));
        Assert.Equal("a=b==c", row["comment"]);
        Assert.Equal("", row["disabled"]);
        Assert.Equal("", row["name"]);
        Assert.Equal(new[] { "?ignored" }, row.Queries);
        Assert.Equal(new[] { "other" }, row.OtherWords);
    }

    [Fact]
    public async Task Reads_every_reply_type_and_ignores_empty_sentences()
    {
        var bytes = Wire.Sentences(
            new[] { "!empty", ".tag=1" },
            new[] { "!done", ".tag=1" },
            Array.Empty<string>(),
            new[] { "!trap", "=category=1", "=message=invalid value for argument address", ".tag=2" },
            new[] { "!done", ".tag=2" },
            new[] { "!trap", "=message=no such command", ".tag=3" },
            new[] { "!done", "=ret=*5", ".tag=3" },
            new[] { "!fatal", "session terminated on request" });

        var sentences = await Wire.ReadAllAsync(new MemoryStream(bytes));

        Assert.Equal(new[] { "!empty", "!done", "!trap", "!done", "!trap", "!done", "!fatal" }, sentences.Select(s => s.Command));
        Assert.Equal("1", sentences[2]["category"]);
        Assert.Null(sentences[4]["category"]);
        Assert.Equal("*5", sentences[5]["ret"]);
        Assert.Equal("session terminated on request", Assert.Single(sentences[6].OtherWords));
    }

    [Fact]
    public async Task A_split_at_every_byte_of_a_reply_reads_the_same()
    {
        var longValue = new string('x', 200); // a two-byte length prefix that can itself be split
        var bytes = Wire.Sentences(
            new[] { "!re", "=.id=*1", "=name=ether1", "=comment=" + longValue, ".tag=5" },
            new[] { "!re", "=.id=*2", "=name=ether2", ".tag=5" },
            new[] { "!done", ".tag=5" });

        for (var split = 1; split < bytes.Length; split++)
        {
            var sentences = await Wire.ReadAllAsync(new ChunkedStream(bytes, split));
            Assert.Equal(3, sentences.Count);
            Assert.Equal(longValue, sentences[0]["comment"]);
            Assert.Equal("ether2", sentences[1]["name"]);
            Assert.Equal("!done", sentences[2].Command);
        }
    }

    [Fact]
    public async Task A_three_byte_prefix_split_at_each_of_its_bytes_reads_the_same()
    {
        var value = new string('y', 17000);
        var bytes = Wire.Sentences(new[] { "!re", "=big=" + value });
        for (var split = 4; split <= 8; split++) // "!re" takes bytes 0-3; the prefix of the big word starts at 4
        {
            var row = Assert.Single(await Wire.ReadAllAsync(new ChunkedStream(bytes, split, 1, 1, 1)));
            Assert.Equal(value, row["big"]);
        }
    }

    [Fact]
    public async Task A_clean_end_between_sentences_returns_null()
    {
        using var reader = new SentenceReader(new MemoryStream(Wire.Sentences(new[] { "!done" })));
        Assert.NotNull(await reader.ReadSentenceAsync());
        Assert.Null(await reader.ReadSentenceAsync());
    }

    [Theory]
    [InlineData(1)]   // after the first prefix
    [InlineData(3)]   // inside the first word
    [InlineData(4)]   // between words, sentence not ended
    [InlineData(5)]   // inside a length prefix of two bytes
    [InlineData(8)]   // inside the second word
    public async Task An_end_of_stream_inside_a_sentence_is_a_protocol_error(int cut)
    {
        var bytes = Wire.Sentences(new[] { "!re", "=comment=" + new string('z', 150) });
        var error = await Assert.ThrowsAsync<RouterProtocolException>(() => Wire.ReadAllAsync(new MemoryStream(bytes[..cut])));
        Assert.Contains("middle of a sentence", error.Message);
    }

    [Fact]
    public async Task A_word_past_the_cap_fails_on_its_prefix_without_reading_it()
    {
        var bytes = Wire.Prefix(5000).Concat(new byte[10]).ToArray();
        var stream = new ChunkedStream(bytes);
        var error = await Assert.ThrowsAsync<RouterProtocolException>(() => Wire.ReadAllAsync(stream, new ProtocolLimits(maxWordLength: 4096, maxSentenceLength: 8192)));
        Assert.Contains("5000 bytes", error.Message);
        Assert.Contains("4096", error.Message);
    }

    [Fact]
    public async Task A_sentence_past_its_cap_is_a_protocol_error()
    {
        var words = Enumerable.Repeat("=a=" + new string('b', 100), 100).Prepend("!re").ToArray();
        var error = await Assert.ThrowsAsync<RouterProtocolException>(() =>
            Wire.ReadAllAsync(new MemoryStream(Wire.Sentences(words)), new ProtocolLimits(maxWordLength: 1024, maxSentenceLength: 4096)));
        Assert.Contains("4096", error.Message);
    }

    [Fact]
    public async Task A_control_byte_in_place_of_a_length_is_a_protocol_error()
    {
        var bytes = Wire.Sentences(new[] { "!done" }).Concat(new byte[] { 0xF8, 1, 2, 3, 4 }).ToArray();
        await Assert.ThrowsAsync<RouterProtocolException>(() => Wire.ReadAllAsync(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task Shares_one_string_per_attribute_name_across_rows()
    {
        var bytes = Wire.Sentences(new[] { "!re", "=mac-address=00:11" }, new[] { "!re", "=mac-address=00:22" });
        var rows = await Wire.ReadAllAsync(new MemoryStream(bytes));
        Assert.Same(rows[0].Attributes[0].Key, rows[1].Attributes[0].Key);
        Assert.NotEqual(rows[0]["mac-address"], rows[1]["mac-address"]);
    }
}
