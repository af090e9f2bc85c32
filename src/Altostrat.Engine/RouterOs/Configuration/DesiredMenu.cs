using System;
using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What one menu should look like: the settings of a single-value menu, or the entries of a list menu.</summary>
public sealed class DesiredMenu
{
    internal DesiredMenu(MenuDefinition definition, Dictionary<string, string?>? values, IReadOnlyList<string> key,
        AbsentEntries absent, bool order, IReadOnlyList<DesiredEntry> entries)
    {
        Definition = definition;
        Values = values;
        ValueTable = values;
        Key = key;
        Absent = absent;
        Order = order;
        Entries = entries;
        FindProperties = definition.OrderGroup is { } group && !key.Contains(group, StringComparer.OrdinalIgnoreCase) ? new[] { group }.Concat(key).ToArray() : key;
    }

    /// <summary>
    /// What the script line of a change selects an entry by (<c>[find ...]</c>): the key, after the chain on firewall
    /// menus when the key does not name it, so that a person, and the risk gate, can see which chain a change touches.
    /// </summary>
    internal IReadOnlyList<string> FindProperties { get; }

    /// <summary>
    /// <see cref="FindProperties"/> for an entry of the document: one that does not give its chain is found by its key
    /// alone, not by an empty chain.
    /// </summary>
    internal IReadOnlyList<string> FindPropertiesOf(DesiredEntry entry) =>
        Definition.OrderGroup is { } group && !(entry.Properties.TryGetValue(group, out var value) && value is not null) ? Key : FindProperties;

    public MenuDefinition Definition { get; }

    public string Path => Definition.Path;

    /// <summary>The settings of a single-value menu; null for a list menu.</summary>
    public IReadOnlyDictionary<string, string?>? Values { get; }

    // Values as its own type, whose enumerator is a struct (see DesiredEntry.PropertyTable).
    internal Dictionary<string, string?>? ValueTable { get; }

    /// <summary>The properties that identify an entry (the document's Key, or the menu's default).</summary>
    public IReadOnlyList<string> Key { get; }

    public AbsentEntries Absent { get; }

    /// <summary>True when the entries' order matters (within each chain on firewall menus).</summary>
    public bool Order { get; }

    public IReadOnlyList<DesiredEntry> Entries { get; }
}
