using System;
using System.Text;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The values that are secrets (passwords, shared and private keys, SNMP communities), so that the text a person
/// reads never carries them: a script line shown for confirmation or by -WhatIf, an error naming the lines it
/// refused, Compare's Script and Change. What is sent to the router keeps them, of course; only text for people is masked.
/// </summary>
public static class SecretValues
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = { "password", "secret", "passphrase", "community" };

    /// <summary>
    /// True when <paramref name="propertyName"/> holds a secret: user passwords (also written short, pass=), IPsec,
    /// WireGuard, OSPF and BGP keys (auth-key, tcp-md5-key, pre-shared-key, private-key), SNMP communities, RADIUS secrets.
    /// </summary>
    public static bool IsSecret(string propertyName)
    {
        foreach (var word in SecretWords)
            if (propertyName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        if (propertyName.Length >= 4 && "password".StartsWith(propertyName, StringComparison.OrdinalIgnoreCase)) return true;
        if (propertyName.Equals("public-key", StringComparison.OrdinalIgnoreCase)) return false;
        return propertyName.Equals("key", StringComparison.OrdinalIgnoreCase) || propertyName.Equals("psk", StringComparison.OrdinalIgnoreCase)
            || propertyName.EndsWith("-key", StringComparison.OrdinalIgnoreCase) || propertyName.IndexOf("-key-", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// The script text with the value of every secret <c>name=value</c> replaced by <see cref="Mask"/>: a bare value,
    /// a quoted one, or an expression in brackets, whole. The same instance when nothing is secret, as is most text.
    /// </summary>
    public static string Redact(string scriptText)
    {
        StringBuilder? redacted = null;
        var copied = 0;
        for (var i = scriptText.IndexOf('='); i > 0; i = scriptText.IndexOf('=', i + 1))
        {
            var nameStart = i;
            while (nameStart > 0 && IsNameChar(scriptText[nameStart - 1])) nameStart--;
            var valueEnd = ValueEnd(scriptText, i + 1);
            if (nameStart < i && IsSecret(scriptText.Substring(nameStart, i - nameStart)))
            {
                redacted ??= new StringBuilder(scriptText.Length);
                redacted.Append(scriptText, copied, i + 1 - copied).Append(Mask);
                copied = valueEnd;
            }
            // The value is skipped whole: a name=value inside a quoted value is text, not an assignment.
            i = Math.Max(i, valueEnd - 1);
        }
        return redacted is null ? scriptText : redacted.Append(scriptText, copied, scriptText.Length - copied).ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '-';

    // Where the value that starts at `start` ends: a quoted string with its escapes, a bracketed expression with what it
    // nests (quotes inside it included), or a bare word up to a space, ';' or a closing bracket.
    private static int ValueEnd(string text, int start)
    {
        var depth = 0;
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"')
                {
                    quoted = false;
                    if (depth == 0) return i + 1;
                }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}':
                    if (depth == 0) return i;
                    if (--depth == 0) return i + 1;
                    break;
                case ' ' or '\t' or ';' when depth == 0: return i;
            }
        }
        return text.Length;
    }
}
