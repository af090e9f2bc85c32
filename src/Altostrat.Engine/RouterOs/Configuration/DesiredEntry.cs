using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>One entry a list menu should have: its properties as RouterOS text, a null value meaning "unset it".</summary>
public sealed class DesiredEntry
{
    internal DesiredEntry(int index, Dictionary<string, string?> properties, string keyText, EntryKey matchKey, int? line)
    {
        Index = index;
        Properties = properties;
        PropertyTable = properties;
        KeyText = keyText;
        MatchKey = matchKey;
        Line = line;
    }

    /// <summary>Zero-based position in the document's Entries.</summary>
    public int Index { get; }

    /// <summary>Property names in lower case, in document order; null values are to be unset.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; }

    // Properties as its own type, whose enumerator is a struct: the planner walks it for every entry of every router.
    internal Dictionary<string, string?> PropertyTable { get; }

    /// <summary>The key as a person reads it: <c>list=block,address=192.0.2.1</c>.</summary>
    public string KeyText { get; }

    /// <summary>The key normalised as RouterOS compares it; equal for entries RouterOS would consider the same.</summary>
    internal EntryKey MatchKey { get; }

    public int? Line { get; }
}
