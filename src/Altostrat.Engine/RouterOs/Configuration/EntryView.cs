using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The read-only dictionary surface of the engine's views of an entry (<see cref="RouterRow"/>,
/// <see cref="RowAfterSet"/>, <see cref="PropertyPairs"/>): a view says how to look a property up and how to list its
/// properties, and the rest follows from those two. Names compare case-insensitively, as RouterOS's do.
/// </summary>
public abstract class EntryView : IReadOnlyDictionary<string, string>
{
    public abstract bool TryGetValue(string key, out string value);

    public abstract IEnumerator<KeyValuePair<string, string>> GetEnumerator();

    public abstract int Count { get; }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The entry has no property '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in this) yield return pair.Key;
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var pair in this) yield return pair.Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The value of the first pair named <paramref name="key"/>, in any case: a short scan, which for the handful of properties of an entry is cheaper than a table.</summary>
    [MethodImpl(HotPath.Optimize)]
    protected static bool Lookup(IReadOnlyList<KeyValuePair<string, string>> pairs, string key, out string value)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            // Names from one reader's name cache are usually the very string asked for.
            if (ReferenceEquals(pair.Key, key) || string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
        }
        value = null!;
        return false;
    }
}
