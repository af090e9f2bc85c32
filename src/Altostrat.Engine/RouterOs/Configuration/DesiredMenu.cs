using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What one menu should look like: the settings of a single-value menu, or the entries of a list menu.</summary>
public sealed class DesiredMenu
{
    internal DesiredMenu(MenuDefinition definition, IReadOnlyDictionary<string, string?>? values, IReadOnlyList<string> key,
        AbsentEntries absent, bool order, IReadOnlyList<DesiredEntry> entries)
    {
        Definition = definition;
        Values = values;
        Key = key;
        Absent = absent;
        Order = order;
        Entries = entries;
    }

    public MenuDefinition Definition { get; }

    public string Path => Definition.Path;

    /// <summary>The settings of a single-value menu; null for a list menu.</summary>
    public IReadOnlyDictionary<string, string?>? Values { get; }

    /// <summary>The properties that identify an entry (the document's Key, or the menu's default).</summary>
    public IReadOnlyList<string> Key { get; }

    public AbsentEntries Absent { get; }

    /// <summary>True when the entries' order matters (within each chain on firewall menus).</summary>
    public bool Order { get; }

    public IReadOnlyList<DesiredEntry> Entries { get; }
}
