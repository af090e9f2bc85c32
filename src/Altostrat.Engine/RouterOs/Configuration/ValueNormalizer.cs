using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Turns a property value into the one spelling RouterOS means by it, so that the planner compares meanings rather
/// than text. Pure and total: a value that does not parse as its kind is compared as it is written, never refused
/// (the router is the judge of what it accepts).
/// <list type="bullet">
/// <item>Booleans: yes/true/on and no/false/off, any case.</item>
/// <item>Durations: w, d, h, m, s, ms units in any combination (1d2h3m), hh:mm:ss with an optional leading 1d, and
/// plain seconds; compared in milliseconds.</item>
/// <item>Sizes (bytes): binary multipliers, as RouterOS sizes memory and storage: k/K/KiB 1024, M/MiB 1024², G/GiB 1024³.</item>
/// <item>Rates (bits per second): decimal multipliers, as RouterOS rates: k 1000, M 10⁶, G 10⁹; <c>10M/5M</c> per side.</item>
/// <item>Addresses: a host prefix (/32 on IPv4, /128 on IPv6) equals the bare address, because RouterOS prints
/// address-list hosts without it and /ip/address always with the prefix length given; IPv6 in its canonical
/// lower-case form. A prefix other than the host one is kept.</item>
/// <item>Sets: items normalised one by one, then sorted and de-duplicated; ordered lists keep their order.</item>
/// <item>Keywords: lower case. Text: unchanged.</item>
/// </list>
/// </summary>
public static class ValueNormalizer
{
    [MethodImpl(HotPath.Optimize)]
    public static string Normalize(PropertyKind kind, string? value)
    {
        if (value is null) return string.Empty;
        var text = value.Trim();
        switch (kind)
        {
            case PropertyKind.Text: return value;
            case PropertyKind.Keyword: return text.ToLowerInvariant();
            case PropertyKind.Boolean: return Boolean(text) ?? text;
            case PropertyKind.Duration: return DurationMilliseconds(text) is { } ms ? ms.ToString(CultureInfo.InvariantCulture) + "ms" : text;
            case PropertyKind.Size: return Scaled(text, 1024, 1) is { } bytes ? bytes.ToString(CultureInfo.InvariantCulture) : text;
            case PropertyKind.SizeInKibibytes: return Scaled(text, 1024, 1024) is { } kib ? kib.ToString(CultureInfo.InvariantCulture) : text;
            case PropertyKind.Rate: return Rate(text);
            case PropertyKind.Number: return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : text;
            case PropertyKind.Address: return Address(text);
            case PropertyKind.Set: return SetOf(text);
            case PropertyKind.OrderedList: return ListOf(text);
            default: return value;
        }
    }

    [MethodImpl(HotPath.Optimize)]
    public static bool AreEqual(PropertyKind kind, string? left, string? right)
    {
        // Most values read back as they were written: equal text is equal under every kind, without parsing.
        // Text compares exactly, so it needs nothing more.
        if (string.Equals(left ?? string.Empty, right ?? string.Empty, StringComparison.Ordinal)) return true;
        return kind != PropertyKind.Text && string.Equals(Normalize(kind, left), Normalize(kind, right), StringComparison.Ordinal);
    }

    /// <summary>"true" or "false", or null when the text is no boolean.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static string? Boolean(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "yes": case "true": case "on": return "true";
            case "no": case "false": case "off": return "false";
            default: return null;
        }
    }

    /// <summary>Milliseconds, or null when the text is no duration.</summary>
    public static long? DurationMilliseconds(string text)
    {
        if (text.Length == 0) return null;
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("never", StringComparison.OrdinalIgnoreCase)) return null;
        long total = 0;
        var i = 0;
        var sawAny = false;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsDigit(text[i])) i++;
            if (i == start) return null;
            if (!long.TryParse(text.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
            if (i < text.Length && text[i] == ':')
            {
                // hh:mm:ss (or mm:ss), possibly after 1d or 1w2d, ends the text; seconds may have a fraction.
                return ClockMilliseconds(text.Substring(start)) is { } clock ? total + clock : null;
            }
            var unitStart = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var unit = text.Substring(unitStart, i - unitStart).ToLowerInvariant();
            long factor;
            switch (unit)
            {
                case "w": factor = 7L * 24 * 3600 * 1000; break;
                case "d": factor = 24L * 3600 * 1000; break;
                case "h": factor = 3600L * 1000; break;
                case "m": factor = 60L * 1000; break;
                case "s": case "": factor = 1000; break;
                case "ms": factor = 1; break;
                case "us": if (amount % 1000 != 0) return null; amount /= 1000; factor = 1; break;
                default: return null;
            }
            // A bare number is seconds only when it is all there is.
            if (unit.Length == 0 && (sawAny || i < text.Length)) return null;
            total += amount * factor;
            sawAny = true;
        }
        return total;
    }

    private static long? ClockMilliseconds(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3) return null;
        long minutes = 0;
        for (var p = 0; p < parts.Length - 1; p++)
        {
            if (!long.TryParse(parts[p], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
            minutes = minutes * 60 + value;
        }
        if (!decimal.TryParse(parts[parts.Length - 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return null;
        return minutes * 60_000 + (long)(seconds * 1000m);
    }

    /// <summary>The number times its multiplier (k, M, G, T; optional "i" and "B"), in units of <paramref name="plainUnit"/> bytes for a bare number.</summary>
    private static long? Scaled(string text, long step, long plainUnit)
    {
        if (text.Length == 0) return null;
        var end = text.Length;
        if (text.EndsWith("B", StringComparison.Ordinal) || text.EndsWith("b", StringComparison.Ordinal)) end--;
        if (end > 0 && (text[end - 1] == 'i' || text[end - 1] == 'I')) end--;
        long factor = plainUnit;
        if (end > 0 && char.IsLetter(text[end - 1]))
        {
            factor = char.ToLowerInvariant(text[end - 1]) switch
            {
                'k' => step,
                'm' => step * step,
                'g' => step * step * step,
                't' => step * step * step * step,
                _ => 0,
            };
            if (factor == 0) return null;
            end--;
        }
        else if (end != text.Length)
        {
            return null; // "10B" alone is fine only when nothing else is wrong; a stray suffix is not a size
        }
        if (!decimal.TryParse(text.Substring(0, end), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return null;
        return (long)(amount * factor);
    }

    private static string Rate(string text)
    {
        var slash = text.IndexOf('/');
        if (slash >= 0) return Rate(text.Substring(0, slash)) + "/" + Rate(text.Substring(slash + 1));
        if (text == "0" || text.Length == 0) return "0";
        return Scaled(text, 1000, 1) is { } bits ? bits.ToString(CultureInfo.InvariantCulture) : text;
    }

    private static string Address(string text)
    {
        // Most addresses are IPv4 already in the canonical spelling, which is what parsing and printing them back
        // would give: answered without the IPAddress, its string and the lower-casing, twice for every row planned.
        if (CanonicalIPv4Length(text) is var hostLength and > 0)
        {
            if (hostLength == text.Length) return text;
            if (text[hostLength] == '/' && IsCanonicalPrefix(text, hostLength + 1))
                return text.Length == hostLength + 3 && text[hostLength + 1] == '3' && text[hostLength + 2] == '2' ? text.Substring(0, hostLength) : text;
        }
        var slash = text.IndexOf('/');
        var host = slash < 0 ? text : text.Substring(0, slash);
        var prefix = slash < 0 ? null : text.Substring(slash + 1);
        if (!IPAddress.TryParse(host, out var ip) || (ip.AddressFamily == AddressFamily.InterNetwork && Count(host, '.') != 3))
            return text.ToLowerInvariant(); // a DNS name or an interface: RouterOS compares those case-insensitively
        var hostPrefix = ip.AddressFamily == AddressFamily.InterNetworkV6 ? "128" : "32";
        var canonical = ip.ToString().ToLowerInvariant();
        if (prefix is null || prefix == hostPrefix) return canonical;
        return int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? canonical + "/" + length.ToString(CultureInfo.InvariantCulture) : text;
    }

    // The length of the dotted-quad at the start of text when it is canonical (four decimal octets 0-255, no leading
    // zero) and followed by nothing or '/'; 0 otherwise.
    [MethodImpl(HotPath.Optimize)]
    private static int CanonicalIPv4Length(string text)
    {
        var i = 0;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != '.') return 0;
                i++;
            }
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 4 && text[i] is >= '0' and <= '9') value = value * 10 + (text[i++] - '0');
            var digits = i - start;
            if (digits is 0 or > 3 || value > 255 || (digits > 1 && text[start] == '0')) return 0;
        }
        return i == text.Length || text[i] == '/' ? i : 0;
    }

    // A prefix length as int.TryParse reads it and ToString writes it back: 1-3 digits, no leading zero, at most 128.
    private static bool IsCanonicalPrefix(string text, int start)
    {
        var digits = text.Length - start;
        if (digits is 0 or > 3 || (digits > 1 && text[start] == '0')) return false;
        var value = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return value <= 128;
    }

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var ch in text) if (ch == c) count++;
        return count;
    }

    private static IEnumerable<string> Items(string text)
    {
        foreach (var item in text.Split(','))
        {
            var trimmed = item.Trim();
            if (trimmed.Length > 0) yield return trimmed;
        }
    }

    // An item of a set or list is compared as an address when it is one, as a keyword otherwise: the sets in the
    // catalog hold addresses, ports, states and interface names, none of which RouterOS treats case-sensitively.
    private static string Item(string item) => Address(item);

    private static string SetOf(string text)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(text)) items.Add(Item(item));
        return string.Join(",", items);
    }

    private static string ListOf(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var item in Items(text))
        {
            if (builder.Length > 0) builder.Append(',');
            builder.Append(Item(item));
        }
        return builder.ToString();
    }
}
