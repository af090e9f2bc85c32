using System;
using Altostrat.Engine.RouterOs.Protocol;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class WordLengthTests
{
    // Both ends of every tier, and the examples of the protocol's table.
    [Theory]
    [InlineData(0x00, "00")]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "80 80")]
    [InlineData(300, "81 2C")]
    [InlineData(0x3FFF, "BF FF")]
    [InlineData(0x4000, "C0 40 00")]
    [InlineData(17000, "C0 42 68")]
    [InlineData(0x1FFFFF, "DF FF FF")]
    [InlineData(0x200000, "E0 20 00 00")]
    [InlineData(0xFFFFFFF, "EF FF FF FF")]
    [InlineData(0x10000000, "F0 10 00 00 00")]
    [InlineData(int.MaxValue, "F0 7F FF FF FF")]
    public void Encodes_and_decodes_each_tier_at_both_ends(int length, string hex)
    {
        var expected = Wire.Hex(hex);
        var buffer = new byte[WordLength.MaxPrefixLength];

        var written = WordLength.Write(length, buffer);

        Assert.Equal(expected, buffer[..written]);
        Assert.Equal(expected.Length, WordLength.PrefixLength(length));
        Assert.True(WordLength.TryRead(expected, out var decoded, out var prefixLength));
        Assert.Equal(length, decoded);
        Assert.Equal(expected.Length, prefixLength);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("C0 40")]
    [InlineData("E0 20 00")]
    [InlineData("F0 10 00 00")]
    [InlineData("")]
    public void Asks_for_more_bytes_when_the_prefix_is_incomplete(string hex)
    {
        Assert.False(WordLength.TryRead(Wire.Hex(hex), out _, out _));
    }

    [Theory]
    [InlineData(0xF8)]
    [InlineData(0xF9)]
    [InlineData(0xFF)]
    public void Rejects_the_reserved_control_bytes(byte first)
    {
        var error = Assert.Throws<RouterProtocolException>(() => WordLength.TryRead(new[] { first, (byte)0, (byte)0, (byte)0, (byte)0 }, out _, out _));
        Assert.Contains($"0x{first:X2}", error.Message);
    }

    [Fact]
    public void Rejects_a_five_byte_length_beyond_int_range()
    {
        Assert.Throws<RouterProtocolException>(() => WordLength.TryRead(Wire.Hex("F0 80 00 00 00"), out _, out _));
    }

    [Fact]
    public void Refuses_a_negative_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WordLength.Write(-1, new byte[5]));
    }
}
