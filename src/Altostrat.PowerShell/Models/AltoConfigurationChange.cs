using System.Collections;

namespace Altostrat.PowerShell;

/// <summary>
/// One change of a desired-state plan on one router: what Compare-AltoRouterConfiguration emits, and what
/// Set-AltoRouterConfiguration applied.
/// </summary>
public sealed class AltoConfigurationChange
{
    public string ComputerName { get; set; } = "";

    /// <summary>The menu, as the API writes it (/ip/firewall/address-list).</summary>
    public string Path { get; set; } = "";

    public ConfigurationChangeAction Action { get; set; }

    /// <summary>The entry's .id on the router; empty for an entry still to be added and for single-value menus.</summary>
    public string? Id { get; set; }

    /// <summary>The entry's key properties, as the document names them ("list=block, address=192.0.2.1").</summary>
    public string Key { get; set; } = "";

    /// <summary>The entry's properties on the router before the change; null for an add.</summary>
    public Hashtable? Before { get; set; }

    /// <summary>The properties the change writes (the whole entry for an add); null for a remove.</summary>
    public Hashtable? After { get; set; }

    /// <summary>The properties that differ.</summary>
    public string[] ChangedProperties { get; set; } = System.Array.Empty<string>();

    /// <summary>The change as a line of RouterOS script, which is what the risk gate rates.</summary>
    public string Script { get; set; } = "";

    /// <summary>The analyzer's verdict on <see cref="Script"/>: a destructive change is confirmed before it is applied.</summary>
    public ScriptRisk Risk { get; set; }

    /// <summary>For a change Set-AltoRouterConfiguration ran: whether it was applied, and the router's refusal if not.</summary>
    public string? Error { get; set; }

    public override string ToString() => $"{ComputerName} {Action} {Path} {Key}";
}
