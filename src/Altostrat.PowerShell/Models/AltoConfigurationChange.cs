using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.PowerShell;

/// <summary>
/// One change of a desired-state plan on one router: what Compare-AltoRouterConfiguration emits, and what
/// Set-AltoRouterConfiguration applied.
/// </summary>
public sealed class AltoConfigurationChange
{
    // Before and After become tables when first read: a fleet run emits a change for every entry of every router,
    // and most are only counted or shown in a table that has no column for them.
    private Hashtable? _before;
    private IReadOnlyDictionary<string, string>? _beforeValues;
    private Hashtable? _after;
    private IReadOnlyDictionary<string, string>? _afterValues;

    public string ComputerName { get; set; } = "";

    /// <summary>The menu, as the API writes it (/ip/firewall/address-list).</summary>
    public string Path { get; set; } = "";

    public ConfigurationChangeAction Action { get; set; }

    /// <summary>The entry's .id on the router; empty for an entry still to be added and for single-value menus.</summary>
    public string? Id { get; set; }

    /// <summary>The entry's key properties, as the document names them ("list=block, address=192.0.2.1").</summary>
    public string Key { get; set; } = "";

    /// <summary>The entry's properties on the router before the change; null for an add.</summary>
    public Hashtable? Before
    {
        get => Table(ref _before, _beforeValues);
        set => (_before, _beforeValues) = (value, null);
    }

    /// <summary>The properties the change writes (the whole entry for an add); null for a remove.</summary>
    public Hashtable? After
    {
        get => Table(ref _after, _afterValues);
        set => (_after, _afterValues) = (value, null);
    }

    /// <summary>For a move: the key of the entry it is placed before; empty when it goes to the end of its list.</summary>
    public string? Destination { get; set; }

    /// <summary>The properties that differ.</summary>
    public string[] ChangedProperties { get; set; } = System.Array.Empty<string>();

    /// <summary>The change as a line of RouterOS script, which is what the risk gate rates.</summary>
    public string Script { get; set; } = "";

    /// <summary>The analyzer's verdict on <see cref="Script"/>: a destructive change is confirmed before it is applied.</summary>
    public ScriptRisk Risk { get; set; }

    /// <summary>For a change Set-AltoRouterConfiguration ran: whether it was applied, and the router's refusal if not.</summary>
    public string? Error { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Key) ? $"{ComputerName} {Action} {Path}" : $"{ComputerName} {Action} {Path} {Key}";

    /// <summary>Before and After from the engine's view of the entry, made into tables when first read.</summary>
    internal void SetValues(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after)
    {
        (_before, _beforeValues) = (null, before);
        (_after, _afterValues) = (null, after);
    }

    // Safe to read from several threads at once (ForEach-Object -Parallel): the first table made is the one kept. A
    // secret reads as the mask, as in every text of the module: these tables end up in logs and JSON.
    private static Hashtable? Table(ref Hashtable? table, IReadOnlyDictionary<string, string>? values)
    {
        if (table is not null || values is null) return table;
        var made = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
            made[value.Key] = SecretValues.ShownValue(value.Key, value.Value);
        return Interlocked.CompareExchange(ref table, made, null) ?? made;
    }
}
