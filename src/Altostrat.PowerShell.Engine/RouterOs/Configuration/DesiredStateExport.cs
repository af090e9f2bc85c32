using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Writes what a router has as a desired-state document that plans nothing against that router
/// (Get-AltoRouterConfiguration -AsDesiredState, Export-AltoRouterConfiguration). Dynamic, built-in and default rows,
/// ids and read-only properties are left out; list menus get the catalog's key, Absent = Ignore, and Order = true
/// where order matters (firewall chains). An entry whose key repeats an earlier one cannot be named in a document
/// (the parser refuses duplicates) and is left out with a note.
/// </summary>
public static class DesiredStateExport
{
    /// <summary>The document as a plain tree (maps with case-insensitive keys, lists, strings), which <see cref="DesiredStateDocument.FromTree"/> reads back.</summary>
    public static IDictionary<string, object?> ToTree(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows, ICollection<string>? notes = null)
    {
        if (rows is null) throw new ArgumentNullException(nameof(rows));
        var tree = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in rows)
        {
            var menu = MenuCatalog.Find(pair.Key) ?? throw new ArgumentException($"The menu {pair.Key} is not in the catalog, so it cannot be exported as desired state.", nameof(rows));
            tree[menu.Path] = menu.IsList ? ListMenu(menu, pair.Value, notes) : Writable(menu, pair.Value.Count > 0 ? pair.Value[0] : new Dictionary<string, string>());
        }
        return tree;
    }

    /// <summary>The same document as indented JSON.</summary>
    public static string ToJson(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows, ICollection<string>? notes = null) =>
        JsonSerializer.Serialize(ToTree(rows, notes), new JsonSerializerOptions { WriteIndented = true });

    private static Dictionary<string, object?> ListMenu(MenuDefinition menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, ICollection<string>? notes)
    {
        var entries = new List<object?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (ConfigurationPlanner.IsProtected(row)) continue;
            var key = new StringBuilder();
            foreach (var property in menu.DefaultKey)
                key.Append(ValueNormalizer.Normalize(menu.KindOf(property), row.TryGetValue(property, out var v) ? v : string.Empty)).Append('\u001f');
            if (!seen.Add(key.ToString()))
            {
                notes?.Add($"{menu.Path}: an entry with {string.Join(",", menu.DefaultKey.Select(p => p + "=" + (row.TryGetValue(p, out var v) ? v : "")))} repeats an earlier key and was left out; give it a distinct {string.Join(" or ", menu.DefaultKey)}.");
                continue;
            }
            entries.Add(Writable(menu, row));
        }
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Key"] = menu.DefaultKey.ToList(),
            ["Absent"] = nameof(AbsentEntries.Ignore),
            ["Order"] = menu.OrderGroup is not null,
            ["Entries"] = entries,
        };
    }

    private static Dictionary<string, object?> Writable(MenuDefinition menu, IReadOnlyDictionary<string, string> row)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in row)
            if (!menu.IsReadOnly(pair.Key) && pair.Key.Length > 0 && pair.Key[0] != '.') values[pair.Key] = pair.Value;
        return values;
    }
}
