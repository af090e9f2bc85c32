using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The one definition of which RouterOS commands only read. The script analyzer, the module's router cmdlets, the
/// emulator's synchronous endpoint and its script interpreter all ask here, so a command is never "read-only" to one
/// of them and "a change" to another.
/// </summary>
public static class RouterOsCommands
{
    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        // Printing and reading values.
        "print", "getall", "get", "export", "find",
        // Watching: these report state until cancelled (or a count runs out) and change no configuration.
        "listen", "monitor", "monitor-traffic", "torch", "ping", "traceroute", "bandwidth-test", "scan",
        // Asks the update server; installs nothing.
        "check-for-updates",
    };

    private static readonly HashSet<string> UntilCancelled = new(StringComparer.OrdinalIgnoreCase)
    {
        "listen", "monitor", "monitor-traffic", "torch", "ping", "traceroute", "bandwidth-test", "scan",
    };

    /// <summary>The verbs that only read, in no particular order.</summary>
    public static IReadOnlyCollection<string> ReadOnlyVerbs => ReadOnly;

    /// <summary>
    /// True when the command only reads: <paramref name="apiPathOrVerb"/> is an API path (<c>/ip/address/print</c>),
    /// a CLI path (<c>/ip address print</c>) or a bare verb (<c>print</c>); its last word decides, case-insensitively.
    /// </summary>
    public static bool IsReadOnly(string apiPathOrVerb) => ReadOnly.Contains(VerbOf(apiPathOrVerb));

    /// <summary>
    /// True for read-only commands that keep answering until cancelled (<c>listen</c>, <c>monitor</c>, <c>ping</c>
    /// without a count): a caller that needs one complete answer, such as a synchronous request, cannot run them.
    /// </summary>
    public static bool RunsUntilCancelled(string apiPathOrVerb) => UntilCancelled.Contains(VerbOf(apiPathOrVerb));

    /// <summary>The last word of a path in either spelling: <c>print</c> of <c>/ip/address/print</c> and of <c>/ip address print</c>.</summary>
    public static string VerbOf(string apiPathOrVerb)
    {
        if (apiPathOrVerb is null) throw new ArgumentNullException(nameof(apiPathOrVerb));
        var text = apiPathOrVerb.Trim();
        var last = text.LastIndexOfAny(new[] { '/', ' ' });
        return text.Substring(last + 1);
    }
}
