using System;
using System.Text.RegularExpressions;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The values that are secrets (passwords, shared and private keys), so that the text a person reads never carries
/// them: a script line shown for confirmation or by -WhatIf, an error naming the lines it refused, Compare's Script.
/// What is sent to the router keeps them, of course; only the text for people is masked.
/// </summary>
public static class SecretValues
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = { "password", "secret", "passphrase", "pre-shared-key", "preshared-key", "private-key", "community" };

    // name=value in a script line, the value bare or quoted (with its escapes).
    private static readonly Regex Assignment = new(@"(?<![\w-])(?<name>[A-Za-z0-9-]+)=(?<value>""(?:[^""\\]|\\.)*""?|[^\s;\]\)}]+)", RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="propertyName"/> holds a secret: user passwords, IPsec and WireGuard keys, SNMP communities, RADIUS secrets.</summary>
    public static bool IsSecret(string propertyName)
    {
        foreach (var word in SecretWords)
            if (propertyName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        return false;
    }

    /// <summary>The script text with the value of every secret <c>name=value</c> replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string scriptText)
    {
        if (scriptText.IndexOf('=') < 0) return scriptText;
        return Assignment.Replace(scriptText, match => IsSecret(match.Groups["name"].Value) ? match.Groups["name"].Value + "=" + Mask : match.Value);
    }
}
