using System;
using System.Globalization;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>A computer name as users write it: <c>router1</c>, <c>10.0.0.1</c>, <c>10.0.0.1:8730</c>, <c>[fe80::1]:8728</c>, <c>fe80::1</c>.</summary>
public readonly struct RouterAddress
{
    private RouterAddress(string host, int port)
    {
        Host = host;
        Port = port;
    }

    public string Host { get; }

    /// <summary>The port written in the name; 0 when none was.</summary>
    public int Port { get; }

    public static RouterAddress Parse(string computerName)
    {
        if (string.IsNullOrWhiteSpace(computerName))
            throw new ArgumentException("A computer name is required, such as 'router1', '10.0.0.1' or '10.0.0.1:8728'.");
        var text = computerName.Trim();
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close < 0) throw new ArgumentException($"'{computerName}' opens '[' for an IPv6 address but never closes it.");
            var host = text.Substring(1, close - 1);
            var rest = text.Substring(close + 1);
            if (rest.Length == 0) return new RouterAddress(host, 0);
            if (rest[0] != ':') throw new ArgumentException($"'{computerName}' has '{rest}' after the address; write [address]:port.");
            return new RouterAddress(host, ParsePort(rest.Substring(1), computerName));
        }
        var colon = text.IndexOf(':');
        // More than one colon without brackets is a bare IPv6 address.
        if (colon < 0 || text.IndexOf(':', colon + 1) >= 0) return new RouterAddress(text, 0);
        return new RouterAddress(text.Substring(0, colon), ParsePort(text.Substring(colon + 1), computerName));
    }

    private static int ParsePort(string text, string computerName)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535) return port;
        throw new ArgumentException($"'{text}' in '{computerName}' is not a TCP port (1-65535).");
    }
}
