using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The risk of a menu command and the reason, for a person deciding whether to run it. Destructive means it can cut
/// the operator off or lose configuration; when a value the rule needs is computed at run time, the rule assumes
/// the worse case and says so.
/// </summary>
internal static class RiskRules
{
    private static readonly Dictionary<string, string> WholeRouterCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/system/reset-configuration"] = "erases the router's configuration; it comes back with defaults or nothing, and without your access",
        ["/system/reboot"] = "reboots the router; every session, tunnel and the management connection drop until it is back",
        ["/system/shutdown"] = "powers the router off; someone must be on site to turn it back on",
        ["/system/package/downgrade"] = "downgrades RouterOS and reboots; settings that only newer versions know are lost",
        ["/system/package/uninstall"] = "uninstalls a package at the next reboot; its features and their configuration go away",
        ["/system/package/disable"] = "disables a package at the next reboot; its features and their configuration go away",
        ["/system/package/update/install"] = "installs a RouterOS update and reboots the router",
        ["/system/routerboard/upgrade"] = "rewrites the RouterBOOT firmware; an interrupted or wrong upgrade can leave the router unable to boot",
        ["/system/backup/load"] = "replaces the whole configuration with a backup and reboots",
        ["/file/remove"] = "deletes files from the router's storage: backups, exports, certificates and scripts kept there are gone",
        ["/certificate/remove"] = "deletes certificates; API-SSL, HTTPS, VPNs and anything else that uses them stop working",
        ["/disk/format-drive"] = "erases a disk and everything stored on it",
    };

    /// <summary>The paths of the commands that act on the whole router (reboot, reset-configuration, ...).</summary>
    internal static IEnumerable<string> WholeRouterCommandPaths => WholeRouterCommands.Keys;

    /// <summary>
    /// <see cref="Classify"/> of the command as written and, when its words read as shortened (<see cref="ScriptAbbreviations"/>),
    /// of what they are short for: the higher risk wins, so a shortened command is never rated below its full form.
    /// </summary>
    public static (ScriptRisk Risk, string Reason) ClassifyWritten(string menu, string verb, IReadOnlyList<ScriptArgument> arguments,
        IReadOnlyList<ScriptArgument>? selection)
    {
        var asWritten = Classify(menu, verb, arguments, selection);
        if (!ScriptAbbreviations.TryExpand(menu, verb, out var fullMenu, out var fullVerb)) return asWritten;
        var expanded = Classify(fullMenu, fullVerb, arguments, selection);
        if (expanded.Risk <= asWritten.Risk) return asWritten;
        var full = (fullMenu == "/" ? "" : fullMenu.Substring(1).Replace('/', ' ') + " ") + fullVerb;
        return (expanded.Risk, $"reads as short for '/{full}', as RouterOS takes it: {expanded.Reason}");
    }

    /// <summary>The risk of <paramref name="verb"/> in <paramref name="menu"/>; both come from the parser in lower case and slash spelling.</summary>
    /// <param name="selection">The conditions of the <c>[find ...]</c> the command selects its entries by, when it does.</param>
    public static (ScriptRisk Risk, string Reason) Classify(string menu, string verb, IReadOnlyList<ScriptArgument> arguments,
        IReadOnlyList<ScriptArgument>? selection)
    {
        var full = menu == "/" ? "/" + verb : menu + "/" + verb;
        if (WholeRouterCommands.TryGetValue(full, out var wholeRouter)) return (ScriptRisk.Destructive, wholeRouter);
        if (RouterOsCommands.IsReadOnly(verb)) return (ScriptRisk.Read, $"'{verb}' only reads; it changes nothing");
        if (menu == "/log" && ScriptVocabulary.LogTopics.Contains(verb)) return (ScriptRisk.Read, "writes a message to the router's log");
        if (full == "/interface/ethernet/poe/power-cycle")
            return (ScriptRisk.Destructive, "cuts the power of the device on that PoE port for a while: it restarts, and whatever reaches the router through it drops meanwhile");
        if (verb == "remove") return (ScriptRisk.Destructive, $"removes entries from {menu}; whatever they configured is gone and cannot be undone from a script");
        // A note changes nothing the router does, on an address, a route or an account as anywhere else.
        if (verb is "set" or "comment" && OnlyComments(verb, arguments)) return (ScriptRisk.Change, $"changes only the comment of entries in {menu}");
        if (verb == "run" && menu == "/system/script") return (ScriptRisk.Change, "runs another script; the analyzer cannot see what that script does");
        if (full == "/tool/fetch") return (ScriptRisk.Change, "transfers data over the network and can write files on the router");
        if (full == "/import") return (ScriptRisk.Change, "runs the commands in a file; the analyzer cannot see what they do");

        var disables = verb == "disable" ? Truth.Yes : Flag(arguments, "disabled");
        if (IsUnder(menu, "/interface")) return Interface(menu, verb, disables, arguments);
        if (IsUnder(menu, "/ip/address") || IsUnder(menu, "/ipv6/address"))
            return (ScriptRisk.Destructive, "changes the router's IP addresses; changing or disabling the address you manage it by cuts you off");
        if (IsUnder(menu, "/ip/route") || IsUnder(menu, "/ipv6/route"))
            return (ScriptRisk.Destructive, "changes routes; a wrong or disabled route can make the router unreachable");
        if (IsUnder(menu, "/ip/service") || IsUnder(menu, "/ipv6/service"))
            return (ScriptRisk.Destructive, "changes the management services (winbox, ssh, api, www); a disabled service, new port or address restriction can lock you out");
        if (IsUnder(menu, "/user"))
            return (ScriptRisk.Destructive, "changes router accounts; a wrong password or group, or a disabled user, locks the operator out");
        if (IsFirewall(menu, out var inputChain)) return Firewall(menu, verb, inputChain, arguments, selection);
        if (disables == Truth.Yes) return (ScriptRisk.Change, $"disables entries in {menu}");
        return (ScriptRisk.Change, $"'{verb}' changes configuration in {menu}");
    }

    private static (ScriptRisk, string) Interface(string menu, string verb, Truth disables, IReadOnlyList<ScriptArgument> arguments)
    {
        if (disables == Truth.Yes) return (ScriptRisk.Destructive, "disables an interface; if it carries the management connection you are cut off");
        if (disables == Truth.Unknown) return (ScriptRisk.Destructive, "sets 'disabled' on an interface from a value computed at run time; it may disable the one you manage the router through");
        if (IsUnder(menu, "/interface/vlan"))
            return (ScriptRisk.Destructive, "changes a VLAN interface; if it is the management VLAN you lose access");
        if (IsUnder(menu, "/interface/bridge/port"))
            return (ScriptRisk.Destructive, "changes bridge port membership; a port taken out of its bridge drops the hosts, and the operator, behind it");
        if (IsUnder(menu, "/interface/bridge/vlan"))
            return (ScriptRisk.Destructive, "changes the bridge VLAN table; without an entry for the management VLAN you are cut off");
        if (menu == "/interface/bridge" && Flag(arguments, "vlan-filtering") is Truth.Yes or Truth.Unknown)
            return (ScriptRisk.Destructive, "turns on VLAN filtering on a bridge; without a bridge VLAN entry for the management VLAN you are cut off");
        return (ScriptRisk.Change, $"'{verb}' changes interface configuration in {menu}");
    }

    private static (ScriptRisk, string) Firewall(string menu, string verb, string inputChain, IReadOnlyList<ScriptArgument> arguments,
        IReadOnlyList<ScriptArgument>? selection)
    {
        var chain = Find(arguments, "chain");
        var action = Find(arguments, "action");
        var selectedChain = ChainSelectedBy(selection);
        bool IsInput(string? name) => name is not null && name.Equals(inputChain, StringComparison.OrdinalIgnoreCase);
        // A move, set or disable names its rules, not their chain: the chain a [find ...] selects them by is theirs.
        var chainValue = chain is not null ? chain.Value : verb == "add" ? null : selectedChain;
        var onInputOrUnknown = chainValue is null || IsInput(chainValue);
        // Order decides which rule matches first: a drop moved above the rule that accepts your own traffic locks you out.
        if (verb == "move" && onInputOrUnknown)
            return (ScriptRisk.Destructive, $"reorders firewall rules in {menu}; a drop rule that ends up above the rule accepting your own traffic on the {inputChain} chain locks you out");
        // Disabling an existing rule (not adding a disabled one) can switch off the rule that lets you in.
        if ((verb == "disable" || (verb == "set" && Flag(arguments, "disabled") == Truth.Yes)) && onInputOrUnknown)
            return (ScriptRisk.Destructive, $"disables firewall rules in {menu}; if one of them accepts your own traffic on the {inputChain} chain you are locked out");
        // And the other way round: a drop rule switched on blocks what it names, your own traffic perhaps.
        if ((verb == "enable" || (verb == "set" && Flag(arguments, "disabled") is Truth.No or Truth.Unknown && action is null)) && onInputOrUnknown)
            return (ScriptRisk.Destructive, $"enables firewall rules in {menu}; if one of them drops traffic on the {inputChain} chain, yours may be among it");
        // A condition taken off a rule widens it: a drop rule that no longer names its interface drops your traffic too.
        // (A set unsets with !name.)
        if (verb is "unset" or "set" or "edit" && onInputOrUnknown && UnsetsWhatItMatches(verb, arguments))
            return (ScriptRisk.Destructive, $"takes a condition off rules on the {inputChain} chain in {menu}; a drop rule that loses one drops more, your own traffic perhaps");
        if (verb is not ("add" or "set" or "edit")) return (ScriptRisk.Change, $"'{verb}' changes firewall rules in {menu}");
        // A rule taken out of the input chain no longer lets anything in, the operator's own traffic included.
        if (verb == "set" && chain is not null && !IsInput(chain.Value) && (selectedChain is null || IsInput(selectedChain)))
            return (ScriptRisk.Destructive, $"moves rules to another chain in {menu}; a rule taken out of the {inputChain} chain that accepted your own traffic locks you out");
        if (Flag(arguments, "disabled") == Truth.Yes) return (ScriptRisk.Change, $"leaves the rule disabled in {menu}; it filters nothing until it is enabled");
        var dropping = action is null ? Truth.Absent
            : action.Value is null ? Truth.Unknown
            : action.Value.Equals("drop", StringComparison.OrdinalIgnoreCase) || action.Value.Equals("reject", StringComparison.OrdinalIgnoreCase)
              || action.Value.Equals("tarpit", StringComparison.OrdinalIgnoreCase) ? Truth.Yes : Truth.No;
        // A rule brought into the input chain from another does there what it did before: a drop rule (or a jump to one)
        // locks you out. A chain computed at run time may be the input chain.
        var jumps = action?.Value?.Equals("jump", StringComparison.OrdinalIgnoreCase) == true;
        if (verb is "set" or "edit" && (dropping != Truth.No || jumps) && chain is not null && (chain.Value is null || IsInput(chain.Value)) && !IsInput(selectedChain))
            return (ScriptRisk.Destructive, $"moves rules into the {inputChain} chain in {menu}; a drop rule among them blocks your own traffic there");
        var onInput = chain is null && chainValue is null ? (verb == "add" ? Truth.No : Truth.Unknown)
            : chainValue is null ? Truth.Unknown
            : IsInput(chainValue) ? Truth.Yes : Truth.No;

        // What a rule matches is what it lets in: narrowed, the rule that accepts your own traffic may no longer match it.
        if (verb is "set" or "edit" && dropping is Truth.Absent or Truth.No && onInput != Truth.No && ChangesWhatItMatches(arguments))
            return (ScriptRisk.Destructive, $"changes what rules on the {inputChain} chain match in {menu}; narrowed, the rule that accepts your own traffic no longer lets you in");
        if (dropping == Truth.Yes && onInput == Truth.Yes)
            return (ScriptRisk.Destructive, $"{action!.Value!.ToLowerInvariant()}s traffic to the router on the {inputChain} chain; without an accept rule for your own address before it, you are locked out");
        if (dropping == Truth.Yes && onInput == Truth.Unknown)
            return (ScriptRisk.Destructive, $"makes rules {action!.Value!.ToLowerInvariant()} traffic, and the command does not say the chain is not '{inputChain}': it may lock you out");
        if (dropping == Truth.Unknown && onInput != Truth.No)
            return (ScriptRisk.Destructive, $"takes the rule's action from a value computed at run time; on the {inputChain} chain it may drop your access");
        return (ScriptRisk.Change, $"'{verb}' changes firewall rules in {menu}");
    }

    // What a set may write to a rule without changing the traffic it matches: its note, its logging, and what its action
    // does (chain, action and disabled have rules of their own).
    private static readonly string[] LeavesMatchAlone =
    {
        "numbers", ".id", "comment", "log", "log-prefix", "disabled", "chain", "action", "place-before",
        "address-list", "address-list-timeout", "reject-with", "jump-target",
    };

    // A set whose only value is comment= (the entries named by number, name or [find]), or the comment command. A
    // second word (!tagged, which unsets) is more than a note.
    private static bool OnlyComments(string verb, IReadOnlyList<ScriptArgument> arguments)
    {
        var comment = verb == "comment";
        var positional = 0;
        foreach (var argument in arguments)
        {
            if (argument.Name is null)
            {
                if (++positional > (verb == "comment" ? 2 : 1) || argument.Value?.StartsWith("!", StringComparison.Ordinal) == true) return false;
                continue;
            }
            if (argument.Name.Equals("comment", StringComparison.OrdinalIgnoreCase)) comment = true;
            else if (!argument.Name.Equals("numbers", StringComparison.OrdinalIgnoreCase) && !argument.Name.Equals(".id", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return comment;
    }

    // The properties a command unsets: for unset, value-name= (the API's spelling) or the words after the rules it
    // selects; for a set, the words written !name.
    private static bool UnsetsWhatItMatches(string verb, IReadOnlyList<ScriptArgument> arguments)
    {
        var valueName = Find(arguments, "value-name");
        foreach (var argument in arguments)
        {
            var property = argument.Name is not null ? (ReferenceEquals(argument, valueName) ? argument.Value : null)
                : argument.Value is { } word && word.StartsWith("!", StringComparison.Ordinal) ? word.Substring(1)
                : verb == "unset" ? argument.Value : null;
            if (property is null || IsItemReference(property)) continue;
            if (!DoesNotChangeMatch(property)) return true;
        }
        return false;
    }

    // A rule named by its number or id (unset 0 in-interface), or a list of them.
    private static bool IsItemReference(string word)
    {
        foreach (var c in word)
            if (!(char.IsDigit(c) || c is ',' or '*' || (c is >= 'A' and <= 'F'))) return false;
        return true;
    }

    private static bool ChangesWhatItMatches(IReadOnlyList<ScriptArgument> arguments)
    {
        foreach (var argument in arguments)
            if (argument.Name is { } name && !DoesNotChangeMatch(name)) return true;
        return false;
    }

    private static bool DoesNotChangeMatch(string property)
    {
        foreach (var known in LeavesMatchAlone)
            if (known.Equals(property, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Filter and raw tables, with the chain that carries traffic to the router itself.</summary>
    private static bool IsFirewall(string menu, out string inputChain)
    {
        inputChain = "input";
        if (menu is "/ip/firewall/filter" or "/ipv6/firewall/filter") return true;
        // Raw has no input chain: prerouting sees everything addressed to the router before filter does.
        inputChain = "prerouting";
        return menu is "/ip/firewall/raw" or "/ipv6/firewall/raw";
    }

    private static bool IsUnder(string menu, string root) =>
        menu.Equals(root, StringComparison.Ordinal) || (menu.StartsWith(root, StringComparison.Ordinal) && menu.Length > root.Length && menu[root.Length] == '/');

    /// <summary>
    /// The chain of the rules a <c>[find ...]</c> selects, when it selects them by plain <c>name=value</c> conditions
    /// (after an optional <c>where</c>) that include exactly one <c>chain=</c>; null otherwise (no find, any other
    /// operator or word, a value computed at run time), which the rules then treat as possibly the input chain.
    /// </summary>
    private static string? ChainSelectedBy(IReadOnlyList<ScriptArgument>? conditions)
    {
        if (conditions is null) return null;
        string? chain = null;
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            if (condition.Name is null && i == 0 && condition.Value == "where") continue;
            if (condition.Name is null || condition.Value is null) return null;
            if (!condition.Name.Equals("chain", StringComparison.OrdinalIgnoreCase)) continue;
            if (chain is not null) return null;
            chain = condition.Value;
        }
        return chain;
    }

    // RouterOS takes a parameter name shortened to a prefix no other parameter of the command shares (act=drop, even
    // ac=drop, is action=drop), so a name written shorter than the one a rule looks for counts as it, from two letters
    // on: the rule then reads the command as the router will. A prefix that is ambiguous the router refuses.
    private static ScriptArgument? Find(IReadOnlyList<ScriptArgument> arguments, string name)
    {
        ScriptArgument? shortened = null;
        foreach (var argument in arguments)
        {
            if (argument.Name is not { } written) continue;
            if (written.Equals(name, StringComparison.OrdinalIgnoreCase)) return argument;
            if (shortened is null && written.Length >= 2 && written.Length < name.Length && name.StartsWith(written, StringComparison.OrdinalIgnoreCase))
                shortened = argument;
        }
        return shortened;
    }

    private static Truth Flag(IReadOnlyList<ScriptArgument> arguments, string name)
    {
        var argument = Find(arguments, name);
        if (argument is null) return Truth.Absent;
        if (argument.Value is null) return Truth.Unknown;
        return argument.Value.Equals("yes", StringComparison.OrdinalIgnoreCase) || argument.Value.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? Truth.Yes : Truth.No;
    }

    private enum Truth
    {
        Absent,
        Yes,
        No,
        Unknown,
    }
}
