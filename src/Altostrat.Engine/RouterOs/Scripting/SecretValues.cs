using System;

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
    /// How the value of property <paramref name="name"/> is shown to people: the mask for a secret property, otherwise
    /// the value with any secret it holds masked (a scheduler's on-event with password=, a URL's user:password@).
    /// </summary>
    public static string ShownValue(string name, string value) => IsSecret(name) ? Mask : Redact(value);

    // Script variables are named freely: these words of a name (":local pw", apiKey, authToken) mark a secret too.
    private static readonly string[] SecretVariableWords = { "pw", "pwd", "passwd", "pass", "token", "key", "apikey" };

    private static readonly string[] VariableKeywords = { ":local ", ":global ", ":set " };

    /// <summary>
    /// True when a script variable of this name (<c>:local pw</c>, <c>:global adminPassword</c>, <c>apiKey</c>,
    /// <c>authToken</c>) holds a secret. Named freely, so wider than properties: a value masked by mistake only hides
    /// a value from a person reading the script.
    /// </summary>
    public static bool IsSecretVariable(string name)
    {
        if (IsSecret(name)) return true;
        // Word by word (admin-pass, api_key, apiKey, authToken), so that bypass, passthrough or monkey are not secrets.
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i < name.Length && !(name[i] is '-' or '_' || (char.IsUpper(name[i]) && char.IsLower(name[i - 1])))) continue;
            var word = name.Substring(start, i - start).Trim('-', '_').ToLowerInvariant();
            if (Array.IndexOf(SecretVariableWords, word) >= 0) return true;
            start = i;
        }
        return false;
    }

    /// <summary>
    /// The script text with secrets replaced by <see cref="Mask"/>: the value of every secret <c>name=value</c> (a bare
    /// value, a quoted one, or an expression in brackets, whole), the value given to a script variable named like a
    /// password (<c>:local pw "..."</c>), and the password in a URL (<c>url=sftp://user:pass@host/</c>). The same
    /// instance when nothing is secret, as is most text.
    /// </summary>
    public static string Redact(string scriptText) => RedactUrlPasswords(RedactVariables(RedactAssignments(scriptText)));

    private static string RedactAssignments(string scriptText)
    {
        var masked = new MaskedText(scriptText);
        RedactAssignmentsIn(scriptText, 0, scriptText.Length, escaped: false, depth: 0, ref masked);
        return masked.ToString();
    }

    // How deep values that hold script are entered: enough for an on-event that runs a fetch, bounded so that no value
    // (a router's, say) can make the search deep enough to exhaust the stack or its time. Deeper, it goes on flat.
    private const int MaxNesting = 4;

    // Masks the value of every secret name=value in text[start, end). escaped: the region is the inside of a quoted
    // value, where the script it holds writes a quote as \" and a backslash as \\ (on-event="/user set admin
    // password=\"...\""); a value quoted once more inside it is not read as such. Past MaxNesting values deep the region
    // is searched flat: every secret name=value in it is masked, no value is skipped, nothing is entered.
    private static void RedactAssignmentsIn(string text, int start, int end, bool escaped, int depth, ref MaskedText masked)
    {
        var flat = depth >= MaxNesting;
        for (var i = IndexOf(text, '=', start, end); i >= 0; i = IndexOf(text, '=', i + 1, end))
        {
            var nameStart = i;
            while (nameStart > start && IsNameChar(text[nameStart - 1])) nameStart--;
            var secret = nameStart < i && IsSecret(text.Substring(nameStart, i - nameStart));
            if (!secret && flat) continue;
            var valueEnd = ValueEnd(text, i + 1, end, escaped);
            if (secret) masked.Mask(i + 1, valueEnd);
            else if (valueEnd - i > 2)
            {
                // A value that holds script: the secrets inside it are masked too, but the value is still skipped
                // whole, since a name=value inside it is no assignment of this line.
                var closing = ClosingLength(text, valueEnd, escaped);
                if (!escaped && text[i + 1] == '"') RedactAssignmentsIn(text, i + 2, valueEnd - closing, escaped: true, depth + 1, ref masked);
                else if (text[i + 1] is '[' or '(' or '{') RedactAssignmentsIn(text, i + 2, valueEnd - closing, escaped, depth + 1, ref masked);
            }
            i = Math.Max(i, valueEnd - 1);
        }
    }

    private static int IndexOf(string text, char c, int start, int end) => start >= end ? -1 : text.IndexOf(c, start, end - start);

    // How many characters close the value that ends at `valueEnd` (a quote, \" where escaped, or a bracket); 0 for a bare word.
    private static int ClosingLength(string text, int valueEnd, bool escaped)
    {
        if (valueEnd < 1) return 0;
        var last = text[valueEnd - 1];
        if (last is ']' or ')' or '}') return 1;
        if (last != '"') return 0;
        return escaped ? (valueEnd >= 2 && text[valueEnd - 2] == '\\' ? 2 : 0) : 1;
    }

    private static string RedactVariables(string scriptText)
    {
        var masked = new MaskedText(scriptText);
        for (var i = scriptText.IndexOf(':'); i >= 0 && i < scriptText.Length; i = scriptText.IndexOf(':', i + 1))
        {
            var keyword = Array.Find(VariableKeywords, k => string.CompareOrdinal(scriptText, i, k, 0, k.Length) == 0);
            if (keyword is null) continue;
            var nameStart = SkipSpaces(scriptText, i + keyword.Length);
            var nameEnd = nameStart;
            while (nameEnd < scriptText.Length && (IsNameChar(scriptText[nameEnd]) || scriptText[nameEnd] == '_')) nameEnd++;
            var valueStart = SkipSpaces(scriptText, nameEnd);
            if (nameEnd == nameStart || valueStart == nameEnd || valueStart >= scriptText.Length) continue;
            // Where the value ends is looked for only for a secret: for every other declaration, that scan of the rest
            // of the text made long scripts quadratic.
            if (!IsSecretVariable(scriptText.Substring(nameStart, nameEnd - nameStart))) continue;
            var valueEnd = ValueEnd(scriptText, valueStart);
            // ":local pw;" declares the variable without a value: nothing to mask.
            if (valueEnd == valueStart) continue;
            masked.Mask(valueStart, valueEnd);
            // The value is skipped whole: a ':' inside it is not another declaration.
            i = Math.Max(i, valueEnd - 1);
        }
        return masked.ToString();
    }

    private static string RedactUrlPasswords(string scriptText)
    {
        var masked = new MaskedText(scriptText);
        for (var i = scriptText.IndexOf("://", StringComparison.Ordinal); i >= 0; i = scriptText.IndexOf("://", i + 3, StringComparison.Ordinal))
        {
            var start = i + 3;
            var end = start;
            while (end < scriptText.Length && scriptText[end] is not ('/' or ' ' or '\t' or '"' or ';' or ']' or ')' or '}')) end++;
            var at = scriptText.LastIndexOf('@', end - 1, end - start);
            if (at < 0) continue;
            var colon = scriptText.IndexOf(':', start, at - start);
            if (colon >= 0) masked.Mask(colon + 1, at);
        }
        return masked.ToString();
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '-';

    // Where the value that starts at `start` ends (at `end` at the latest): a quoted string with its escapes, a bracketed
    // expression with what it nests (quotes inside it included), or a bare word up to a space, ';' or a closing bracket.
    // escaped: the text is the inside of a quoted value, read as the script it holds: \" is its quote, \\ its backslash.
    private static int ValueEnd(string text, int start, int end = int.MaxValue, bool escaped = false)
    {
        end = Math.Min(end, text.Length);
        var depth = 0;
        var quoted = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var width = 1;
            if (escaped && c == '\\' && i + 1 < end)
            {
                // One character of the script held: the escaped one, two characters of this text.
                c = text[i + 1] is '"' or '\\' or '$' ? text[i + 1] : 'x';
                width = 2;
            }
            if (quoted)
            {
                if (c == '\\') i += width; // the script's own escape: the next character of the script is taken as it is
                else if (c == '"')
                {
                    quoted = false;
                    if (depth == 0) return i + width;
                }
                i += width - 1;
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
            i += width - 1;
        }
        return end;
    }
}
