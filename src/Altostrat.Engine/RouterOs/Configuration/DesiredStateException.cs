using System;
using System.Text;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// A desired-state document the engine refuses, before anything is sent to a router: it does not parse, names a
/// menu the catalog does not know, or gives entries that cannot be matched. Says where, as far as it is known.
/// </summary>
public sealed class DesiredStateException : Exception
{
    public DesiredStateException(string problem, string? source = null, string? menu = null, int? entryIndex = null, string? field = null,
        int? line = null, Exception? innerException = null)
        : base(Describe(problem, source, menu, entryIndex, field, line), innerException)
    {
        Problem = problem;
        Source = source;
        Menu = menu;
        EntryIndex = entryIndex;
        Field = field;
        Line = line;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file the document came from, when it came from one.</summary>
    public new string? Source { get; }

    public string? Menu { get; }

    /// <summary>The zero-based index of the entry in the menu's Entries.</summary>
    public int? EntryIndex { get; }

    public string? Field { get; }

    /// <summary>The one-based line in the file, when the document was parsed from text.</summary>
    public int? Line { get; }

    private static string Describe(string problem, string? source, string? menu, int? entryIndex, string? field, int? line)
    {
        var where = new StringBuilder();
        if (source is not null) where.Append(source);
        if (line is { } l) where.Append(where.Length > 0 ? ":" : "line ").Append(l);
        if (menu is not null) where.Append(where.Length > 0 ? ", " : "").Append(menu);
        if (entryIndex is { } i) where.Append(where.Length > 0 ? ", " : "").Append("Entries[").Append(i).Append(']');
        if (field is not null) where.Append(where.Length > 0 ? ", " : "").Append("field '").Append(field).Append('\'');
        return where.Length == 0 ? problem : $"{where}: {problem}";
    }
}
