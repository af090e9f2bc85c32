using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// An entry as a set will leave it: the router's row with the written values over it and the unset properties gone,
/// in the row's order, new properties last. A view rather than a copy: a plan of thousands of sets (a second run's
/// are mostly one changed comment each) copied every row it touched into a table of its own.
/// </summary>
internal sealed class RowAfterSet : EntryView
{
    private readonly IReadOnlyDictionary<string, string> _row;
    private readonly IReadOnlyDictionary<string, string>? _writes;
    private readonly IReadOnlyList<string>? _unsets;
    private int _count = -1;

    /// <param name="writes">Compares names case-insensitively, as rows do.</param>
    public RowAfterSet(IReadOnlyDictionary<string, string> row, IReadOnlyDictionary<string, string>? writes, IReadOnlyList<string>? unsets)
    {
        _row = row;
        _writes = writes;
        _unsets = unsets;
    }

    public override bool TryGetValue(string key, out string value)
    {
        if (_writes is not null && _writes.TryGetValue(key, out value)) return true;
        if (IsUnset(key))
        {
            value = null!;
            return false;
        }
        return _row.TryGetValue(key, out value);
    }

    public override int Count
    {
        get
        {
            if (_count < 0)
            {
                var count = 0;
                using (var pairs = GetEnumerator())
                    while (pairs.MoveNext()) count++;
                _count = count;
            }
            return _count;
        }
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var pair in _row)
        {
            if (_writes is not null && _writes.TryGetValue(pair.Key, out var written)) yield return new KeyValuePair<string, string>(pair.Key, written);
            else if (!IsUnset(pair.Key)) yield return pair;
        }
        if (_writes is null) yield break;
        foreach (var pair in _writes)
            if (!_row.ContainsKey(pair.Key)) yield return pair;
    }

    private bool IsUnset(string key)
    {
        if (_unsets is null) return false;
        foreach (var name in _unsets)
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
