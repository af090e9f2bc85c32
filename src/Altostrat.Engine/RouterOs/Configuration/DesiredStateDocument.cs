using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// What a set of menus should look like on a router. Built from JSON text or from the plain tree a PowerShell
/// hashtable or .psd1 converts to, and validated completely before anything is read or sent:
/// <code>
/// '/system/identity' = @{ name = 'branch-1' }
/// '/ip/firewall/address-list' = @{ Key = 'list','address'; Absent = 'Remove'; Order = $false; Entries = @( @{ list = 'block'; address = '192.0.2.1' } ) }
/// </code>
/// A null value means "unset this property"; a property the document does not give is left alone.
/// </summary>
public sealed class DesiredStateDocument
{
    private static readonly string[] ListFields = { "Key", "Absent", "Order", "Entries" };

    private DesiredStateDocument(IReadOnlyList<DesiredMenu> menus, string? source)
    {
        Menus = menus;
        Source = source;
    }

    /// <summary>The menus in document order.</summary>
    public IReadOnlyList<DesiredMenu> Menus { get; }

    public string? Source { get; }

    public IEnumerable<string> Paths => Menus.Select(m => m.Path);

    /// <summary>Parses a JSON document; <paramref name="source"/> (a file name) is only used in error messages.</summary>
    public static DesiredStateDocument Parse(string json, string? source = null)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        return FromTree(JsonTree.Parse(json, source), source);
    }

    /// <summary>
    /// Builds a document from a tree of IDictionary, IEnumerable, string, bool, numbers and null. Keys are
    /// case-insensitive, as in PowerShell.
    /// </summary>
    public static DesiredStateDocument FromTree(object? tree, string? source = null)
    {
        var root = AsMap(tree) ?? throw new DesiredStateException("the document must be a table of menus, such as @{ '/ip/dns' = @{ servers = '9.9.9.9' } }.", source);
        var menus = new List<DesiredMenu>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Fields(root, source, null, null))
        {
            // The router a document of Get-AltoRouterConfiguration -AsDesiredState came from (its first key, which
            // ConvertTo-Json writes with the menus): not a menu, and not a reason to refuse the document.
            if (name.Equals("ComputerName", StringComparison.OrdinalIgnoreCase) && value is string) continue;
            var line = LineOf(root, name);
            var definition = MenuCatalog.Find(name) ?? throw new DesiredStateException(
                $"unknown menu '{name}'. Known menus: {string.Join(", ", MenuCatalog.All.Select(m => m.Path))}.", source, menu: name, line: line);
            if (!seen.Add(definition.Path)) throw new DesiredStateException("the menu appears twice in the document.", source, definition.Path, line: line);
            menus.Add(ReadMenu(definition, value, source, line));
        }
        return new DesiredStateDocument(menus, source);
    }

    private static DesiredMenu ReadMenu(MenuDefinition definition, object? value, string? source, int? line)
    {
        var path = definition.Path;
        var map = AsMap(value) ?? throw new DesiredStateException(definition.IsList
            ? "a list menu takes a table with Key, Absent, Order and Entries."
            : "a single-value menu takes a table of its settings, such as @{ name = 'branch-1' }.", source, path, line: line);
        var hasEntries = Fields(map, source, path, null).Any(f => f.Name.Equals("Entries", StringComparison.OrdinalIgnoreCase));
        if (!definition.IsList)
        {
            if (hasEntries) throw new DesiredStateException("this is a single-value menu: give its settings directly, without Entries.", source, path, field: "Entries", line: LineOf(map, "Entries"));
            return new DesiredMenu(definition, Properties(definition, map, source, null), Array.Empty<string>(), AbsentEntries.Ignore, false, Array.Empty<DesiredEntry>());
        }
        if (!hasEntries) throw new DesiredStateException("this is a list menu: give its entries as Entries = @( @{...}, ... ), with Key, Absent and Order as needed.", source, path, line: line);

        IReadOnlyList<string> key = definition.DefaultKey;
        var absent = AbsentEntries.Ignore;
        var order = false;
        object? entriesValue = null;
        foreach (var (field, fieldValue) in Fields(map, source, path, null))
        {
            var fieldLine = LineOf(map, field);
            switch (field.ToLowerInvariant())
            {
                case "key":
                    key = KeyOf(fieldValue) ?? throw new DesiredStateException("Key takes a property name or a list of them, such as 'list','address'.", source, path, field: "Key", line: fieldLine);
                    break;
                case "absent":
                    if (fieldValue is not string text || !Enum.TryParse(text, ignoreCase: true, out absent) || !Enum.IsDefined(typeof(AbsentEntries), absent))
                        throw new DesiredStateException("Absent takes 'Remove' or 'Ignore'.", source, path, field: "Absent", line: fieldLine);
                    if (absent == AbsentEntries.Remove && definition.Kind == MenuKind.FixedList)
                        throw new DesiredStateException("its entries exist because the router has them and cannot be removed; Absent = 'Remove' is not allowed here.", source, path, field: "Absent", line: fieldLine);
                    break;
                case "order":
                    if (fieldValue is not bool flag) throw new DesiredStateException("Order takes $true or $false.", source, path, field: "Order", line: fieldLine);
                    order = flag;
                    break;
                case "entries":
                    entriesValue = fieldValue;
                    break;
                default:
                    throw new DesiredStateException($"a list menu takes only {string.Join(", ", ListFields)}; put entry properties inside Entries.", source, path, field: field, line: fieldLine);
            }
        }
        foreach (var property in key)
            if (definition.IsReadOnly(property)) throw new DesiredStateException($"the key property '{property}' is read-only and cannot identify entries.", source, path, field: "Key", line: LineOf(map, "Key"));

        if (entriesValue is string || entriesValue is null || AsMap(entriesValue) is not null || entriesValue is not IEnumerable items)
            throw new DesiredStateException("Entries takes a list of tables, such as @( @{ ... }, @{ ... } ).", source, path, field: "Entries", line: LineOf(map, "Entries"));
        var entries = new List<DesiredEntry>();
        var keys = new Dictionary<EntryKey, int>();
        var index = 0;
        foreach (var item in items)
        {
            var entryMap = AsMap(item) ?? throw new DesiredStateException("an entry must be a table of properties." + FlattenedHint(item), source, path, index, line: LineOf(map, "Entries"));
            var entryLine = (entryMap as LocatedTable)?.Line;
            var properties = Properties(definition, entryMap, source, index);
            var keyText = new StringBuilder();
            var keyValues = new List<string>(key.Count);
            foreach (var property in key)
            {
                if (!properties.TryGetValue(property.ToLowerInvariant(), out var keyValue) || keyValue is null)
                    throw new DesiredStateException($"the entry has no value for the key property '{property}'.", source, path, index, property, entryLine);
                // Shown without the key properties the entry lacks (a content key's many empty ones): they tell nothing apart to a reader.
                if (keyValue.Length > 0)
                {
                    if (keyText.Length > 0) keyText.Append(',');
                    keyText.Append(property).Append('=').Append(keyValue);
                }
                keyValues.Add(ValueNormalizer.Normalize(definition.KindOf(property), keyValue));
            }
            var match = EntryKey.Of(keyValues);
            if (keys.TryGetValue(match, out var first))
                throw new DesiredStateException($"two entries have the same key {keyText} (Entries[{first}] and Entries[{index}]).", source, path, index, string.Join(",", key), entryLine);
            keys[match] = index;
            entries.Add(new DesiredEntry(index, properties, keyText.ToString(), match, entryLine));
            index++;
        }
        return new DesiredMenu(definition, null, key.Select(k => k.ToLowerInvariant()).ToList(), absent, order, entries);
    }

    private static IReadOnlyList<string>? KeyOf(object? value)
    {
        if (value is string single) return string.IsNullOrWhiteSpace(single) ? null : new[] { single.Trim() };
        if (value is null || AsMap(value) is not null || value is not IEnumerable items) return null;
        var names = new List<string>();
        foreach (var item in items)
        {
            if (item is not string name || string.IsNullOrWhiteSpace(name)) return null;
            names.Add(name.Trim());
        }
        return names.Count == 0 ? null : names;
    }

    // Property names in lower case (RouterOS spells them so); values as RouterOS text; null kept as "unset".
    private static Dictionary<string, string?> Properties(MenuDefinition definition, IDictionary map, string? source, int? entryIndex)
    {
        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Fields(map, source, definition.Path, entryIndex))
        {
            var property = name.Trim().ToLowerInvariant();
            var line = LineOf(map, name);
            if (definition.IsReadOnly(property))
                throw new DesiredStateException($"'{property}' is read-only in {definition.Path}; the router sets it and it cannot be written.", source, definition.Path, entryIndex, property, line);
            properties[property] = Scalar(value, definition.Path, entryIndex, property, source, line);
        }
        return properties;
    }

    private static string? Scalar(object? value, string menu, int? entryIndex, string property, string? source, int? line)
    {
        switch (value)
        {
            case null: return null;
            case string text: return text;
            case bool flag: return flag ? "yes" : "no";
            case IFormattable number when value is int or long or short or byte or sbyte or uint or ulong or ushort or decimal or double or float:
                return number.ToString(null, CultureInfo.InvariantCulture);
        }
        if (AsMap(value) is null && value is IEnumerable items)
        {
            // A list of values is RouterOS's comma list: servers = '9.9.9.9','1.1.1.1'.
            var parts = new List<string>();
            foreach (var item in items)
            {
                var part = Scalar(item, menu, entryIndex, property, source, line);
                if (part is null) throw new DesiredStateException("a list value cannot contain null.", source, menu, entryIndex, property, line);
                parts.Add(part);
            }
            return string.Join(",", parts);
        }
        // Named as the document spells it: the reader's own types (a located table) mean nothing to its author.
        var got = AsMap(value) is not null ? "a table" : value.GetType().Name;
        throw new DesiredStateException($"a property value must be text, a number, a boolean, a list of those, or null (to unset); got {got}.", source, menu, entryIndex, property, line);
    }

    private static IDictionary? AsMap(object? value) => value as IDictionary;

    // ConvertTo-Json stops at depth 2 unless told otherwise, and writes what lies deeper as its type name: the likely
    // cause of an entry that reads "System.Collections.Hashtable", and the fix.
    private static string FlattenedHint(object? item) =>
        item is string text && (text.StartsWith("System.Collections.", StringComparison.Ordinal) || text.StartsWith("@{", StringComparison.Ordinal))
            ? $" It reads '{text}', which is what ConvertTo-Json writes for a table deeper than its -Depth (2 unless given): write the document with Export-AltoRouterConfiguration, or with ConvertTo-Json -Depth 9."
            : "";

    // The fields of a map, refusing two keys that differ only in case (an ordinal dictionary could hold both).
    private static IEnumerable<(string Name, object? Value)> Fields(IDictionary map, string? source, string? menu, int? entryIndex)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string name || string.IsNullOrWhiteSpace(name))
                throw new DesiredStateException($"a key must be a non-empty name; got '{entry.Key}'.", source, menu, entryIndex);
            if (!seen.Add(name)) throw new DesiredStateException($"'{name}' is given twice (names are case-insensitive).", source, menu, entryIndex, name, LineOf(map, name));
            yield return (name, entry.Value);
        }
    }

    private static int? LineOf(IDictionary map, string field) =>
        map is LocatedTable located ? located.FieldLines.TryGetValue(field, out var line) ? line : located.Line : null;
}
