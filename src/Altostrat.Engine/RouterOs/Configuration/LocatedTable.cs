using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// A table of a desired-state document that was parsed from a file (JSON or .psd1), with the line of the table and of
/// each of its fields, so that the document's errors can point at them. Keys are case-insensitive, as in PowerShell.
/// </summary>
public sealed class LocatedTable : Dictionary<string, object?>
{
    /// <param name="line">The one-based line where the table starts.</param>
    public LocatedTable(int line) : base(StringComparer.OrdinalIgnoreCase) => Line = line;

    public int Line { get; }

    /// <summary>The one-based line of each field's name.</summary>
    public Dictionary<string, int> FieldLines { get; } = new(StringComparer.OrdinalIgnoreCase);
}
