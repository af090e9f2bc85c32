using System.Globalization;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Benchmarks;

/// <summary>A large <c>/interface/print</c> reply as a router sends it, built once in memory.</summary>
public static class PrintReply
{
    public const int Rows = 100_000;

    public static byte[] Encode(int rows, out long valueChars)
    {
        using var writer = new SentenceWriter();
        valueChars = 0;
        for (var i = 0; i < rows; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            string[][] pairs =
            {
                new[] { ".id", "*" + i.ToString("X", CultureInfo.InvariantCulture) }, new[] { "name", "ether" + n }, new[] { "default-name", "ether" + n },
                new[] { "type", "ether" }, new[] { "mtu", "1500" }, new[] { "actual-mtu", "1500" }, new[] { "mac-address", "4C:5E:0C:12:34:56" },
                new[] { "last-link-up-time", "2026-11-20 10:11:12" }, new[] { "link-downs", "0" }, new[] { "running", "true" }, new[] { "disabled", "false" },
                new[] { "comment", "uplink to the distribution switch in rack " + n },
            };
            writer.Word("!re");
            foreach (var pair in pairs)
            {
                writer.Attribute(pair[0], pair[1]);
                valueChars += pair[1].Length;
            }
            writer.Tag("7").End();
        }
        writer.Word("!done").Tag("7").End();
        return writer.WrittenSpan.ToArray();
    }
}
