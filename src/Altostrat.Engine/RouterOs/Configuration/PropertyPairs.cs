using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The values a change writes, as an array of distinct names and their values, looked up by name in any case. Most
/// changes write one to a few properties, and a plan holds thousands of changes while their routers answer: a hash
/// table each was the largest part of a change, and everything a router holds across its waits is copied by the
/// collector.
/// </summary>
internal sealed class PropertyPairs : EntryView
{
    private readonly KeyValuePair<string, string>[] _pairs;

    /// <param name="pairs">Distinct names (case-insensitively), as a document's entry or a menu's settings have.</param>
    public PropertyPairs(KeyValuePair<string, string>[] pairs)
    {
        _pairs = pairs;
    }

    public override bool TryGetValue(string key, out string value) => Lookup(_pairs, key, out value);

    public override int Count => _pairs.Length;

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    public string NameAt(int index) => _pairs[index].Key;

    public string ValueAt(int index) => _pairs[index].Value;

    /// <summary>The names, in order.</summary>
    public string[] Names()
    {
        var names = new string[_pairs.Length];
        for (var i = 0; i < names.Length; i++) names[i] = _pairs[i].Key;
        return names;
    }

    /// <summary>Each pair as <see cref="CliText.AppendAssignment"/> writes it, without an enumerator object: a plan writes thousands.</summary>
    [MethodImpl(HotPath.Optimize)]
    internal StringBuilder AppendAssignmentsTo(StringBuilder text)
    {
        for (var i = 0; i < Count; i++) CliText.AppendAssignment(text, NameAt(i), ValueAt(i));
        return text;
    }
}
