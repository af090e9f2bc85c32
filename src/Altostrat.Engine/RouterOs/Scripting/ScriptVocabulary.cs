using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The words the parser needs to split <c>/ip firewall filter add</c> into a menu and a command without the
/// router's menu tree: command verbs, scripting commands and the top-level menus.
/// </summary>
internal static class ScriptVocabulary
{
    /// <summary>Menu commands. The first of these in a statement ends the menu path.</summary>
    public static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "add", "set", "remove", "unset", "getall", "listen", "edit", "move", "comment", "enable", "disable", "reset", "reset-counters",
        "reset-counters-all", "print", "export", "get", "find", "monitor", "monitor-traffic", "ping", "traceroute", "torch",
        "bandwidth-test", "run", "reboot", "shutdown", "reset-configuration", "save", "load", "upgrade", "downgrade",
        "uninstall", "install", "download", "check-for-updates", "cancel", "import", "fetch", "flush", "release", "renew",
        "make-static", "sign", "send", "start", "stop", "format-drive", "clear", "quit", "apply-changes", "scan",
        "power-cycle", "force-update", "reset-mac-address", "blink", "export-certificate", "create-certificate-request", "revoke",
        "duplicate",
    };

    /// <summary>The commands of /log, one per topic: words that are commands there and may be menus elsewhere.</summary>
    public static readonly HashSet<string> LogTopics = new(StringComparer.OrdinalIgnoreCase) { "info", "warning", "error", "debug" };

    /// <summary>Scripting commands (written with a leading ':').</summary>
    public static readonly HashSet<string> ScriptingCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "local", "global", "set", "if", "foreach", "for", "while", "do", "put", "log", "delay", "error", "return",
        "resolve", "toarray", "tobool", "toid", "toip", "toip6", "tonum", "tostr", "totime", "tonsec", "tofloat", "len",
        "pick", "find", "typeof", "execute", "parse", "environment", "terminal", "time", "timestamp", "convert",
        "serialize", "deserialize", "jobname", "retry", "onerror", "nothing", "beep", "rndnum", "rndstr", "grep",
        "led", "blink", "continue", "break", "range",
    };

    /// <summary>Top-level menus: a positional argument starting with one of these after '/' is a command written where an argument belongs.</summary>
    public static readonly HashSet<string> TopMenus = new(StringComparer.OrdinalIgnoreCase)
    {
        "ip", "ipv6", "interface", "system", "tool", "routing", "user", "file", "certificate", "ppp", "queue", "snmp",
        "radius", "log", "disk", "container", "caps-man", "mpls", "port", "special-login", "export", "import", "ping",
        "lora", "iot", "partitions", "console", "dude",
    };

    /// <summary>Named arguments whose <c>{...}</c> value is code rather than an array.</summary>
    public static bool IsCodeArgument(string? name) =>
        name is not null && (name.Equals("do", StringComparison.OrdinalIgnoreCase)
            || name.Equals("else", StringComparison.OrdinalIgnoreCase)
            || name.Equals("on-error", StringComparison.OrdinalIgnoreCase));
}
