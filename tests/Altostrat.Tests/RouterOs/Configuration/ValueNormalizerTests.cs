using Altostrat.Engine.RouterOs.Configuration;
using Xunit;

namespace Altostrat.Tests.RouterOs.Configuration;

public class ValueNormalizerTests
{
    [Theory]
    [InlineData(PropertyKind.Boolean, "yes", "true")]
    [InlineData(PropertyKind.Boolean, "TRUE", "yes")]
    [InlineData(PropertyKind.Boolean, "no", "false")]
    [InlineData(PropertyKind.Duration, "1d", "1d00:00:00")]
    [InlineData(PropertyKind.Duration, "1d2h3m", "1d02:03:00")]
    [InlineData(PropertyKind.Duration, "00:05:00", "5m")]
    [InlineData(PropertyKind.Duration, "1w", "7d")]
    [InlineData(PropertyKind.Duration, "1w2d", "9d00:00:00")]
    [InlineData(PropertyKind.Duration, "30", "30s")]
    [InlineData(PropertyKind.Duration, "1500ms", "00:00:01.5")]
    [InlineData(PropertyKind.Duration, "90s", "1m30s")]
    [InlineData(PropertyKind.Size, "25M", "26214400")]
    [InlineData(PropertyKind.Size, "1k", "1024")]
    [InlineData(PropertyKind.Size, "2KiB", "2048")]
    [InlineData(PropertyKind.SizeInKibibytes, "2048KiB", "2048")]
    [InlineData(PropertyKind.SizeInKibibytes, "2M", "2048")]
    [InlineData(PropertyKind.Rate, "25M", "25000000")]
    [InlineData(PropertyKind.Rate, "1k", "1000")]
    [InlineData(PropertyKind.Rate, "10M/5M", "10000000/5000k")]
    [InlineData(PropertyKind.Number, "022", "22")]
    [InlineData(PropertyKind.Address, "192.0.2.1/32", "192.0.2.1")]
    [InlineData(PropertyKind.Address, "2001:DB8::1/128", "2001:db8:0::1")]
    [InlineData(PropertyKind.Set, "established,related", "related, established")]
    [InlineData(PropertyKind.Set, "10.0.0.0/8,192.0.2.1/32", "192.0.2.1,10.0.0.0/8")]
    [InlineData(PropertyKind.OrderedList, "9.9.9.9, 1.1.1.1", "9.9.9.9,1.1.1.1")]
    [InlineData(PropertyKind.Keyword, "Accept", "accept")]
    public void Spellings_RouterOS_treats_as_one_value_compare_equal(PropertyKind kind, string left, string right)
    {
        Assert.True(ValueNormalizer.AreEqual(kind, left, right), $"{left} vs {right}: {ValueNormalizer.Normalize(kind, left)} / {ValueNormalizer.Normalize(kind, right)}");
    }

    [Theory]
    [InlineData(PropertyKind.Boolean, "yes", "no")]
    [InlineData(PropertyKind.Duration, "1d", "1h")]
    [InlineData(PropertyKind.Duration, "5m", "5s")]
    [InlineData(PropertyKind.Size, "25M", "25000000")] // bytes are binary: 25M is 26,214,400
    [InlineData(PropertyKind.Rate, "25M", "26214400")] // rates are decimal
    [InlineData(PropertyKind.Address, "192.0.2.0/24", "192.0.2.0")]
    [InlineData(PropertyKind.OrderedList, "9.9.9.9,1.1.1.1", "1.1.1.1,9.9.9.9")] // DNS servers are tried in order
    [InlineData(PropertyKind.Set, "a,b", "a,b,c")]
    [InlineData(PropertyKind.Text, "Branch", "branch")] // names and comments are case-sensitive
    [InlineData(PropertyKind.Text, "x", "x ")]
    public void Different_values_stay_different(PropertyKind kind, string left, string right)
    {
        Assert.False(ValueNormalizer.AreEqual(kind, left, right));
    }

    [Theory]
    [InlineData(PropertyKind.Duration, "none")]
    [InlineData(PropertyKind.Duration, "1x")]
    [InlineData(PropertyKind.Size, "lots")]
    [InlineData(PropertyKind.Address, "router.example.com")]
    public void A_value_that_is_not_of_its_kind_compares_as_written(PropertyKind kind, string value)
    {
        Assert.True(ValueNormalizer.AreEqual(kind, value, value));
        Assert.False(ValueNormalizer.AreEqual(kind, value, "1s"));
    }
}
