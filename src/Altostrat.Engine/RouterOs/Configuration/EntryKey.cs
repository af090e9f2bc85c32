using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// An entry's key values, normalised as RouterOS compares them, as one value for a table: entries with equal keys are
/// the same entry to RouterOS. One or two key properties (nearly every menu: comment; list and address; chain and
/// comment) are kept as they are, so that a row's key costs no string of its own; more are joined.
/// </summary>
internal readonly struct EntryKey : IEquatable<EntryKey>
{
    private const char Separator = '\u001f';

    private readonly string _first;
    private readonly string? _second;

    private EntryKey(string first, string? second)
    {
        _first = first;
        _second = second;
    }

    public static EntryKey Of(string only) => new(only, null);

    public static EntryKey Of(string first, string second) => new(first, second);

    /// <summary>The key of any number of values: equal to <see cref="Of(string)"/> or <see cref="Of(string, string)"/> for one or two.</summary>
    public static EntryKey Of(IReadOnlyList<string> values) => values.Count switch
    {
        1 => Of(values[0]),
        2 => Of(values[0], values[1]),
        _ => new EntryKey(string.Join(Separator.ToString(), values), null),
    };

    public bool Equals(EntryKey other) =>
        string.Equals(_first, other._first, StringComparison.Ordinal) && string.Equals(_second, other._second, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EntryKey other && Equals(other);

    public override int GetHashCode() => unchecked((_first?.GetHashCode() ?? 0) * 397 ^ (_second?.GetHashCode() ?? 0));

    public override string ToString() => _second is null ? _first : _first + Separator + _second;
}
