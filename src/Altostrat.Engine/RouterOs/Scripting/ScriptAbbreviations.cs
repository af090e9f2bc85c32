using System;
using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// RouterOS takes a menu word or a command shortened for as long as it names one thing (<c>/sys reb</c> is
/// <c>/system reboot</c>, <c>/ip fire fil</c> is <c>/ip firewall filter</c>). Without the router's whole menu tree the
/// analyzer cannot expand every word, but it knows the menus and commands its risk rules single out: a word that can
/// only be short for one of those is read as it, so that a shortened destructive command is still rated destructive.
/// </summary>
internal static class ScriptAbbreviations
{
    // The menus the risk rules name, beside the top-level menus and the whole-router commands' own menus.
    private static readonly string[] RuledMenus =
    {
        "/ip/address", "/ipv6/address", "/ip/route", "/ipv6/route", "/ip/service", "/ipv6/service", "/user",
        "/ip/firewall/filter", "/ip/firewall/raw", "/ip/firewall/nat", "/ip/firewall/mangle", "/ip/firewall/address-list",
        "/ipv6/firewall/filter", "/ipv6/firewall/raw", "/interface/vlan", "/interface/bridge/port", "/interface/bridge/vlan",
        "/interface/ethernet/poe", "/system/script",
    };

    // Each known menu's known sub-menus, by the parent's path ("/" for the top).
    private static readonly Dictionary<string, HashSet<string>> Children = BuildTree();

    // Every menu the tree knows, leaves included.
    private static readonly HashSet<string> KnownMenus = new(
        Children.Keys.Concat(RuledMenus).Concat(RiskRules.WholeRouterCommandPaths.Select(MenuOf)), StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, HashSet<string>> BuildTree()
    {
        var tree = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["/"] = new HashSet<string>(ScriptVocabulary.TopMenus, StringComparer.OrdinalIgnoreCase) };
        foreach (var path in RuledMenus.Concat(RiskRules.WholeRouterCommandPaths.Select(MenuOf)))
        {
            var parent = "/";
            foreach (var word in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!tree.TryGetValue(parent, out var children)) tree[parent] = children = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                children.Add(word);
                parent = parent == "/" ? "/" + word : parent + "/" + word;
            }
        }
        return tree;
    }

    private static string MenuOf(string path) => path.LastIndexOf('/') is var cut and > 0 ? path.Substring(0, cut) : "/";

    // The whole-router commands (reboot, reset-configuration, ...) by the menu they are in.
    private static readonly Dictionary<string, List<string>> MenuCommands = RiskRules.WholeRouterCommandPaths
        .GroupBy(MenuOf, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Substring(p.LastIndexOf('/') + 1)).ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The menu and command that <paramref name="menu"/> and <paramref name="verb"/> are short for, when some word is
    /// short for exactly one known word; false when nothing reads as shortened (the usual case, decided without
    /// allocating more than the words of the menu, since every command of every analysed script asks).
    /// </summary>
    public static bool TryExpand(string menu, string verb, out string fullMenu, out string fullVerb)
    {
        var expandedMenu = "/";
        var known = true;
        var changed = false;
        for (var start = 1; start < menu.Length;)
        {
            var end = menu.IndexOf('/', start);
            if (end < 0) end = menu.Length;
            var word = menu.Substring(start, end - start);
            start = end + 1;
            var expanded = word;
            if (known && KnownMenus.Contains(expandedMenu))
            {
                var children = Children.TryGetValue(expandedMenu, out var found) ? found : null;
                if (children is not null && !children.Contains(word) && OnlyExtension(word, children) is { } longer)
                {
                    expanded = longer;
                    changed = true;
                }
                else if (children is null || !children.Contains(word))
                {
                    // Not a menu here but short for a command of this menu (/file rem x, /ip firewall filter rem 3):
                    // the parser took it for a menu word because a positional value followed it.
                    if (ShortCommand(expandedMenu, word) is { } shortFor)
                    {
                        fullMenu = expandedMenu;
                        fullVerb = shortFor;
                        return true;
                    }
                }
                known = children is not null && children.Contains(expanded);
            }
            else known = false;
            expandedMenu = expandedMenu == "/" ? "/" + expanded : expandedMenu + "/" + expanded;
        }
        fullMenu = changed ? expandedMenu : menu;
        // A command of the menu among the whole-router ones (/system reset is short for reset-configuration), else any verb.
        fullVerb = verb;
        if (MenuCommands.TryGetValue(fullMenu, out var commands) && !commands.Contains(verb, StringComparer.OrdinalIgnoreCase) && OnlyExtension(verb, commands) is { } command)
            fullVerb = command;
        else if (!ScriptVocabulary.Verbs.Contains(verb) && OnlyExtension(verb, ScriptVocabulary.Verbs) is { } longerVerb)
            fullVerb = longerVerb;
        return changed || !ReferenceEquals(fullVerb, verb);
    }

    // The command of the menu, or any command verb, that the word is short for; null when it is short for none or several.
    private static string? ShortCommand(string menu, string word)
    {
        if (MenuCommands.TryGetValue(menu, out var commands) && OnlyExtension(word, commands) is { } command) return command;
        return ScriptVocabulary.Verbs.Contains(word) ? null : OnlyExtension(word, ScriptVocabulary.Verbs);
    }

    // The one known word that begins with the shortened one; null when none or several do.
    private static string? OnlyExtension(string shortened, IEnumerable<string> words)
    {
        if (shortened.Length == 0) return null;
        string? found = null;
        foreach (var word in words)
        {
            if (word.Length <= shortened.Length || !word.StartsWith(shortened, StringComparison.OrdinalIgnoreCase)) continue;
            if (found is not null) return null;
            found = word;
        }
        return found;
    }
}
