using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// Checks a value written to a router property and turns it into what a RouterOS print returns, so that a client
/// comparing desired and actual configuration meets the same normalisations as on a real router.
/// </summary>
public static class RouterValues
{
    /// <summary>The order RouterOS prints script and group policies in, whatever order they were given in.</summary>
    public static readonly IReadOnlyList<string> PolicyOrder = new[]
    {
        "local", "telnet", "ssh", "ftp", "reboot", "read", "write", "policy", "test", "winbox", "password", "web",
        "sniff", "sensitive", "api", "romon", "rest-api",
    };

    public static string Normalize(RouterValueKind kind, string name, string value) => kind switch
    {
        RouterValueKind.Boolean => Boolean(name, value),
        RouterValueKind.Integer => Integer(name, value),
        RouterValueKind.Duration => FormatDuration(ParseDuration(name, value)),
        RouterValueKind.Size => Size(name, value),
        RouterValueKind.List => string.Join(",", Parts(value)),
        RouterValueKind.PolicyList => Policies(name, value),
        _ => value,
    };

    private static string Boolean(string name, string value) => value switch
    {
        "yes" or "true" => "true",
        "no" or "false" => "false",
        _ => throw new SimulatedTrap($"value of {name} must be yes or no", 1),
    };

    private static string Integer(string name, string value)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw new SimulatedTrap($"value of {name} must be a number", 1);
        return number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A RouterOS time value: <c>[Nw][Nd][hh:mm:ss]</c> or units (<c>1w2d3h4m5s</c>, <c>500ms</c>), a bare number
    /// being seconds.
    /// </summary>
    public static TimeSpan ParseDuration(string name, string value)
    {
        var text = value.Trim();
        if (text.Length == 0) throw new SimulatedTrap($"invalid time value for {name}", 1);
        var total = TimeSpan.Zero;
        var index = 0;
        while (index < text.Length)
        {
            var start = index;
            while (index < text.Length && (char.IsDigit(text[index]) || text[index] == '.')) index++;
            if (start == index) throw new SimulatedTrap($"invalid time value {value} for {name}", 1);
            var number = double.Parse(text.Substring(start, index - start), CultureInfo.InvariantCulture);
            if (index < text.Length && text[index] == ':')
            {
                // hh:mm:ss (the clock part comes last)
                var clock = text.Substring(start).Split(':');
                if (clock.Length != 3 || !clock.All(p => p.Length > 0 && p.All(c => char.IsDigit(c) || c == '.')))
                    throw new SimulatedTrap($"invalid time value {value} for {name}", 1);
                total += TimeSpan.FromHours(double.Parse(clock[0], CultureInfo.InvariantCulture))
                    + TimeSpan.FromMinutes(double.Parse(clock[1], CultureInfo.InvariantCulture))
                    + TimeSpan.FromSeconds(double.Parse(clock[2], CultureInfo.InvariantCulture));
                return total;
            }
            var unitStart = index;
            while (index < text.Length && char.IsLetter(text[index])) index++;
            total += text.Substring(unitStart, index - unitStart) switch
            {
                "w" => TimeSpan.FromDays(7 * number),
                "d" => TimeSpan.FromDays(number),
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" or "" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                _ => throw new SimulatedTrap($"invalid time value {value} for {name}", 1),
            };
        }
        return total;
    }

    /// <summary>RouterOS's short form: the non-zero units from weeks to milliseconds (<c>1w2d</c>, <c>1h30m</c>), <c>0s</c> for zero.</summary>
    public static string FormatDuration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return "0s";
        var text = new StringBuilder();
        var weeks = span.Days / 7;
        void Part(long amount, string unit)
        {
            if (amount > 0) text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
        Part(weeks, "w");
        Part(span.Days % 7, "d");
        Part(span.Hours, "h");
        Part(span.Minutes, "m");
        Part(span.Seconds, "s");
        Part(span.Milliseconds, "ms");
        return text.ToString();
    }

    private static string Size(string name, string value)
    {
        var text = value.Trim();
        var digits = 0;
        while (digits < text.Length && char.IsDigit(text[digits])) digits++;
        if (digits == 0) throw new SimulatedTrap($"value of {name} must be a size", 1);
        var number = long.Parse(text.Substring(0, digits), CultureInfo.InvariantCulture);
        var kib = text.Substring(digits) switch
        {
            "" or "k" or "K" or "KiB" => number,
            "M" or "MiB" => number * 1024,
            "G" or "GiB" => number * 1024 * 1024,
            _ => throw new SimulatedTrap($"value of {name} must be a size", 1),
        };
        return kib.ToString(CultureInfo.InvariantCulture) + "KiB";
    }

    private static IEnumerable<string> Parts(string value) =>
        value.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0);

    private static string Policies(string name, string value)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Parts(value))
        {
            if (!PolicyOrder.Contains(part)) throw new SimulatedTrap($"invalid value {part} for {name}", 1);
            given.Add(part);
        }
        return string.Join(",", PolicyOrder.Where(given.Contains));
    }
}
