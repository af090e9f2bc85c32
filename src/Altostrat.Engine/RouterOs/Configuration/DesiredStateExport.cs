using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The desired-state document of what a router holds now, so that existing routers can be taken under management
/// without writing their state by hand: <see cref="DesiredStateDocument.FromTree"/> takes it back unchanged, and
/// planning it against the same router finds nothing to do. Dynamic, built-in and default rows and read-only
/// properties are left out, as the planner never touches them.
/// </summary>
public static class DesiredStateExport
{
    /// <summary>
    /// The document (ordered tables: menu path, then its values or Key, Absent, Order and Entries) for
    /// <paramref name="paths"/>, from the rows a print of each returned. <paramref name="warnings"/> gets what the
    /// document cannot say (a key made of every property, and entries that repeat another whole, which are left out).
    /// </summary>
    public static OrderedDictionary Build(IEnumerable<string> paths, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows,
        ICollection<string>? warnings = null)
    {
        warnings ??= new List<string>();
        if (paths is null) throw new ArgumentNullException(nameof(paths));
        if (rows is null) throw new ArgumentNullException(nameof(rows));
        var document = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            var menu = MenuCatalog.Find(path) ?? throw new DesiredStateException(
                $"unknown menu '{path}'. Known menus: {string.Join(", ", MenuCatalog.All.Select(m => m.Path))}.", menu: path);
            if (document.Contains(menu.Path)) continue;
            var menuRows = rows.TryGetValue(menu.Path, out var found) ? found : Array.Empty<IReadOnlyDictionary<string, string>>();
            document[menu.Path] = menu.IsList ? ListMenu(menu, menuRows, warnings) : Values(menu, menuRows.Count > 0 ? menuRows[0] : null);
            if (SecretsIn(document[menu.Path]!) is { Count: > 0 } secrets)
                warnings.Add($"{menu.Path}: the document holds secrets ({string.Join(", ", secrets)}); keep the file where secrets belong, or take them out before sharing it.");
        }
        return document;
    }

    // The secret properties (SecretValues) a menu's values or entries give, each named once.
    private static List<string> SecretsIn(object menu)
    {
        var tables = menu is IDictionary values && values.Contains("Entries") ? ((IEnumerable)values["Entries"]!).Cast<IDictionary>() : new[] { (IDictionary)menu };
        // RouterOS's own default community, "public", is known to everyone and no secret to keep.
        return tables.SelectMany(t => t.Keys.Cast<string>().Where(name => SecretValues.IsSecret(name) && t[name] is string value && value.Length > 0 && value != "public"))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The document of every menu in <paramref name="rows"/>, in their order.</summary>
    public static OrderedDictionary ToTree(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows, ICollection<string>? notes = null) =>
        Build((rows ?? throw new ArgumentNullException(nameof(rows))).Keys, rows, notes);

    /// <summary>The same document as indented JSON.</summary>
    public static string ToJson(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows, ICollection<string>? notes = null) =>
        DesiredStateWriter.ToJson(ToTree(rows, notes));

    private static OrderedDictionary Values(MenuDefinition menu, IReadOnlyDictionary<string, string>? row)
    {
        var values = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        if (row is null) return values;
        foreach (var property in row)
            if (menu.IsSetting(property.Key)) values[property.Key] = property.Value;
        return values;
    }

    private static OrderedDictionary ListMenu(MenuDefinition menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, ICollection<string> warnings)
    {
        var managed = rows.Where(row => !ConfigurationPlanner.IsProtected(row)).ToList();
        var entries = managed.Select(row => Values(menu, row)).ToList();
        var key = KeyFor(menu, entries, out var byContent);
        if (byContent && entries.Count > 0)
            warnings.Add($"{menu.Path}: {(menu.DefaultKey.Count == 1 ? menu.DefaultKey[0] : string.Join(" and ", menu.DefaultKey))} do not tell every entry apart, so the Key is every property the entries have ({string.Join(", ", key)}), " +
                "an empty value where an entry has none. An entry edited in the document then reads as another entry: it is added, and the old one stays unless Absent is 'Remove'. " +
                (menu.DefaultKey.Contains("comment", StringComparer.OrdinalIgnoreCase) ? "Give each entry a comment of its own for a short Key." : "Shorten the Key to the properties that identify an entry."));
        // In row order: a document that keeps order (Order = $true) must read back in the router's order.
        var kept = new List<OrderedDictionary?>(entries.Count);
        var keptIds = new List<string>(entries.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var id = managed[i].TryGetValue(".id", out var rowId) ? rowId : "?";
            // A key property the entry does not have is written empty: the planner reads a missing property as empty.
            foreach (var property in key)
                if (!entry.Contains(property)) entry[property] = string.Empty;
            var keyText = KeyText(menu, entry, key);
            if (!seen.TryGetValue(keyText, out var earlier))
            {
                seen[keyText] = kept.Count;
                kept.Add(entry);
                keptIds.Add(id);
                continue;
            }
            // Of two alike, the one that works is the one the document keeps: a disabled twin gives way to an enabled one,
            // which takes its own place in the list.
            var (left, leftId, keptId) = (entry, id, keptIds[earlier]);
            if (IsDisabled(kept[earlier]!) && !IsDisabled(entry))
            {
                (left, leftId, keptId) = (kept[earlier]!, keptIds[earlier], id);
                kept[earlier] = null;
                seen[keyText] = kept.Count;
                kept.Add(entry);
                keptIds.Add(id);
            }
            warnings.Add($"{menu.Path}: {leftId} ({Describe(left, key)}) is alike to {keptId} in {(byContent ? "every property but disabled" : "its " + string.Join(" and ", key))} and was left out; " +
                "remove the duplicate from the router, or give it a comment of its own.");
        }
        // One property order for every entry, the key first and then as the router lists them, so that the entries read
        // as a table and a document kept under version control changes only where the router did.
        var present = kept.Where(entry => entry is not null).Select(entry => entry!).ToList();
        var order = key.Concat(present.SelectMany(entry => entry.Keys.Cast<string>())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        present = present.Select(entry => InOrder(entry, order)).ToList();
        var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase)
        {
            ["Key"] = key.ToArray(),
            ["Absent"] = AbsentEntries.Ignore.ToString(),
            ["Order"] = menu.OrderGroup is not null,
            ["Entries"] = present.Cast<object>().ToArray(),
        };
        return table;
    }

    /// <summary>
    /// The catalog's key when it tells the entries apart (a key property an entry lacks, such as the gateway of a
    /// blackhole route, counts as empty). Otherwise, and whenever an entry lacks the comment the catalog's key
    /// identifies it by (firewall rules without comments), a key of every property the entries have, so that each
    /// entry is named by its whole content: a shorter key that happens to be unique today (chain, for the one port
    /// forward of a router) would name another entry once one like it is added, and the document would rewrite that
    /// one. Whether an entry is enabled is never part of it: disabling a rule does not make it another rule.
    /// </summary>
    private static IReadOnlyList<string> KeyFor(MenuDefinition menu, IReadOnlyList<OrderedDictionary> entries, out bool byContent)
    {
        byContent = false;
        var lacksComment = menu.DefaultKey.Contains("comment", StringComparer.OrdinalIgnoreCase) && entries.Any(e => !e.Contains("comment"));
        // Entries alike in every property are one entry twice, whatever the key: they are left out, not a reason for a longer key.
        if (!lacksComment && IsUnique(menu, Distinct(menu, entries), menu.DefaultKey)) return menu.DefaultKey;
        byContent = true;
        var key = menu.DefaultKey.Where(k => entries.Any(e => e.Contains(k))).ToList();
        foreach (var entry in entries)
            foreach (string property in entry.Keys)
                if (!property.Equals("disabled", StringComparison.OrdinalIgnoreCase) && !key.Contains(property, StringComparer.OrdinalIgnoreCase)) key.Add(property);
        return key.Count > 0 ? key : menu.DefaultKey;
    }

    private static OrderedDictionary InOrder(OrderedDictionary entry, IEnumerable<string> order)
    {
        var ordered = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var property in order)
            if (entry.Contains(property)) ordered[property] = entry[property];
        return ordered;
    }

    private static List<OrderedDictionary> Distinct(MenuDefinition menu, IReadOnlyList<OrderedDictionary> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // As the content key sees them: without disabled, so that two rules that differ in nothing else are one rule twice.
        return entries.Where(e => seen.Add(string.Join("\u0001", e.Keys.Cast<string>()
            .Where(k => !k.Equals("disabled", StringComparison.OrdinalIgnoreCase)).OrderBy(k => k, StringComparer.OrdinalIgnoreCase)
            .Select(k => k.ToLowerInvariant() + "=" + ValueNormalizer.Normalize(menu.KindOf(k), e[k] as string ?? ""))))).ToList();
    }

    private static bool IsUnique(MenuDefinition menu, IReadOnlyList<OrderedDictionary> entries, IReadOnlyList<string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return entries.All(e => seen.Add(KeyText(menu, e, key)));
    }

    // Normalised as the planner compares, so two spellings of one key count as a repeat.
    private static string KeyText(MenuDefinition menu, IDictionary entry, IReadOnlyList<string> key) =>
        string.Join("\u0001", key.Select(k => ValueNormalizer.Normalize(menu.KindOf(k), entry[k] as string ?? "")));

    // The entry by the values that tell it apart: the key's, those that are not empty, then whether it is disabled.
    private static string Describe(IDictionary entry, IReadOnlyList<string> key) =>
        string.Join(" ", key.Where(k => entry[k] is string v && v.Length > 0).Take(8).Select(k => $"{k}={entry[k]}")
            .Concat(IsDisabled(entry) ? new[] { "disabled" } : Array.Empty<string>()));

    private static bool IsDisabled(IDictionary entry) => entry["disabled"] is string value && ValueNormalizer.Boolean(value.Trim()) == "true";

}
