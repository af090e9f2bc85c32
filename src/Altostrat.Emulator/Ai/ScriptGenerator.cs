using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Emulator.Ai;

/// <summary>
/// A deterministic stand-in for the AI endpoint: a handful of common intents, recognised by pattern, each giving
/// the same script every time. Anything else is answered with an explanatory <c>error</c> and no script. Whether a
/// script is destructive is the module's own analyzer's verdict, so the emulator and Test-AltoRouterScript agree.
/// </summary>
public static class ScriptGenerator
{
    private sealed record Intent(string Name, Regex Pattern, Func<Match, string> Build);

    private static readonly RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Intent[] Intents =
    {
        new("block a port", new Regex(@"\bblock\b.*?\b(?:(tcp|udp)\s+)?port\s+(\d{1,5})", Options), m =>
        {
            var protocol = m.Groups[1].Success ? m.Groups[1].Value.ToLowerInvariant() : "tcp";
            return $"/ip firewall filter add chain=input protocol={protocol} dst-port={m.Groups[2].Value} action=drop comment=\"Blocked by Altostrat\"";
        }),
        new("allow a port", new Regex(@"\b(?:allow|open)\b.*?\b(?:(tcp|udp)\s+)?port\s+(\d{1,5})", Options), m =>
        {
            var protocol = m.Groups[1].Success ? m.Groups[1].Value.ToLowerInvariant() : "tcp";
            return $"/ip firewall filter add chain=input protocol={protocol} dst-port={m.Groups[2].Value} action=accept place-before=0 comment=\"Allowed by Altostrat\"";
        }),
        new("add an address", new Regex(@"\badd\b.*?\baddress\s+(\d{1,3}(?:\.\d{1,3}){3}/\d{1,2})(?:.*?\b(?:to|on)\s+(?:interface\s+)?([\w-]+))?", Options), m =>
        {
            var iface = m.Groups[2].Success ? m.Groups[2].Value : "bridge";
            return $"/ip address add address={m.Groups[1].Value} interface={iface}";
        }),
        new("block an address", new Regex(@"\bblock\b.*?\b(\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?)", Options), m =>
            $"/ip firewall address-list add list=blocked address={m.Groups[1].Value}\n/ip firewall filter add chain=forward src-address-list=blocked action=drop comment=\"Blocked by Altostrat\""),
        new("set identity", new Regex(@"\b(?:identity|hostname|router name|name the router)\b.*?\bto\s+""?([\w.-]+)""?", Options), m =>
            $"/system identity set name=\"{m.Groups[1].Value}\""),
        new("set DNS servers", new Regex(@"\bdns\b.*?(\d{1,3}(?:\.\d{1,3}){3}(?:\s*,\s*\d{1,3}(?:\.\d{1,3}){3})*)", Options), m =>
            $"/ip dns set servers={Regex.Replace(m.Groups[1].Value, @"\s+", "")} allow-remote-requests=no"),
        new("make a backup", new Regex(@"\bbackup\b", Options), _ =>
            "/system backup save name=altostrat-backup dont-encrypt=no"),
        new("reboot", new Regex(@"\b(?:reboot|restart)\b", Options), _ =>
            "/system reboot"),
    };

    public static IReadOnlyList<string> Understood
    {
        get
        {
            var names = new List<string>();
            foreach (var intent in Intents) names.Add(intent.Name);
            return names;
        }
    }

    public static GeneratedScript Generate(string prompt)
    {
        foreach (var intent in Intents)
        {
            var match = intent.Pattern.Match(prompt);
            if (!match.Success) continue;
            var script = intent.Build(match);
            return new GeneratedScript(script, null, ScriptAnalyzer.Analyze(script).IsDestructive);
        }
        return new GeneratedScript("", "The emulator cannot write a script for this prompt. It understands: " + string.Join(", ", Understood) +
            " (for example 'block tcp port 23' or 'set identity to core-01').", false);
    }

    /// <summary>A stable stand-in for token counting: about four characters a token.</summary>
    public static int CountTokens(string text) => Math.Max(1, (text.Length + 3) / 4);
}
