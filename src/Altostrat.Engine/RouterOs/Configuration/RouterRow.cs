using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// A reply row as a read-only property dictionary: names compare case-insensitively, and the first of a repeated name
/// wins. A view over the sentence's attributes rather than a copy: a configuration run reads every entry of its menus
/// twice (plan and verify) and looks up a handful of properties in each, and a hash table per row cost more to build
/// than those lookups save. A row has a few dozen properties at most, so a lookup is a short scan; names come from
/// the reader's name cache, so the same name is usually the same string and compares by reference.
/// </summary>
public sealed class RouterRow : EntryView
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _attributes;
    // The attributes that are the first of their name, found on the first call that needs them (Count, enumeration):
    // null until then, and the attributes themselves when no name repeats, which is all but always.
    private IReadOnlyList<KeyValuePair<string, string>>? _distinct;

    public RouterRow(RouterSentence sentence)
    {
        if (sentence is null) throw new ArgumentNullException(nameof(sentence));
        _attributes = sentence.Attributes;
    }

    public override bool TryGetValue(string key, out string value) => Lookup(_attributes, key, out value);

    public override int Count => Distinct.Count;

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Distinct.GetEnumerator();

    private IReadOnlyList<KeyValuePair<string, string>> Distinct => _distinct ??= FirstOfEachName(_attributes);

    private static IReadOnlyList<KeyValuePair<string, string>> FirstOfEachName(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        // Pairwise for the usual row, which is cheaper than a set; a set only for a row of unusual length.
        var seen = attributes.Count > 32 ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
        List<KeyValuePair<string, string>>? distinct = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var first = seen?.Add(attributes[i].Key) ?? !Earlier(attributes, i);
            if (first)
            {
                distinct?.Add(attributes[i]);
                continue;
            }
            if (distinct is null)
            {
                distinct = new List<KeyValuePair<string, string>>(attributes.Count);
                for (var j = 0; j < i; j++) distinct.Add(attributes[j]);
            }
        }
        return distinct ?? attributes;
    }

    private static bool Earlier(IReadOnlyList<KeyValuePair<string, string>> attributes, int index)
    {
        var name = attributes[index].Key;
        for (var j = 0; j < index; j++)
            if (string.Equals(attributes[j].Key, name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
