using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Altostrat.PowerShell.Configuration;

/// <summary>
/// A PowerShell value as the engine's plain document tree, which has no PowerShell types: PSObject wrappers go, tables
/// become dictionaries, arrays lists.
/// </summary>
internal static class PlainTree
{
    public static object? From(object? value)
    {
        // ConvertFrom-Json without -AsHashtable: its objects are tables too, their properties in the file's order.
        if (value is PSObject { BaseObject: PSCustomObject } custom)
        {
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in custom.Properties) fields[property.Name] = From(property.Value);
            return fields;
        }
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (value)
        {
            case null:
                return null;
            case string or bool:
                return value;
            case SwitchParameter s:
                return s.IsPresent;
            case IDictionary table:
                // Filled in the table's own order ([ordered] keeps the document's), which a Dictionary keeps while nothing is removed.
                var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry entry in table) map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = From(entry.Value);
                return map;
            case IEnumerable list:
                return list.Cast<object?>().Select(From).ToList();
            default:
                return value;
        }
    }
}
