using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.PowerShell.Routers;

/// <summary>Builds API commands from cmdlet parameters and turns reply rows into PowerShell objects.</summary>
internal static class RouterCommands
{
    public const string RowTypeName = "Altostrat.RouterRow";
    public const string ReturnTypeName = "Altostrat.RouterReturn";

    /// <summary>The command with its parameters, queries and property list; throws ArgumentException with a fix for bad input.</summary>
    public static RouterCommand Build(string path, IDictionary? parameters, IEnumerable<string>? queries, IEnumerable<string>? properties)
    {
        var command = new RouterCommand(path);
        if (parameters is not null)
        {
            foreach (DictionaryEntry entry in parameters)
                command.With(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", ValueText(entry.Value));
        }
        if (queries is not null) foreach (var query in queries) command.Where(query);
        if (properties is not null) command.Select(properties);
        return command;
    }

    /// <summary>One <c>!re</c> as an object: <c>ComputerName</c>, then the router's properties as it named them, <c>.id</c> as <c>Id</c>.</summary>
    public static PSObject ToObject(RouterSentence row, string computerName) =>
        RowObject(RowTypeName, "ComputerName", computerName, row.Attributes);

    /// <summary>
    /// A router row as an object: the name it came from first (when given), then the router's properties as it named
    /// them, <c>.id</c> as <c>Id</c>. The one shape of every row the module emits: direct, through SDX, or read as configuration.
    /// </summary>
    public static PSObject RowObject(string typeName, string? sourceName, string? source, IEnumerable<KeyValuePair<string, string>> properties)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, typeName);
        if (sourceName is not null) result.Properties.Add(new PSNoteProperty(sourceName, source));
        foreach (var property in properties)
        {
            var name = PropertyName(property.Key);
            // A router never repeats a property in one row; if one did, the first value is kept rather than failing.
            if (result.Properties[name] is null) result.Properties.Add(new PSNoteProperty(name, property.Value));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="row"/> with every property -Property asked for, null where the router sent none: RouterOS
    /// leaves unset properties out of a row, and a table takes its columns from the first row it is given.
    /// </summary>
    public static PSObject WithRequested(PSObject row, IReadOnlyList<string>? requested)
    {
        if (requested is null) return row;
        foreach (var property in requested)
        {
            var name = PropertyName(property);
            if (row.Properties[name] is null) row.Properties.Add(new PSNoteProperty(name, null));
        }
        return row;
    }

    // A router property as the objects name it: .id is Id, the rest as the router names them.
    private static string PropertyName(string routerName) => routerName == ".id" ? "Id" : routerName;

    /// <summary>The <c>=ret=</c> of a command (the id of an added item, a returned value) as an object.</summary>
    public static PSObject ReturnValue(string ret, string computerName)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, ReturnTypeName);
        result.Properties.Add(new PSNoteProperty("ComputerName", computerName));
        result.Properties.Add(new PSNoteProperty("Ret", ret));
        return result;
    }

    // RouterOS takes every value as text: switches as yes/no, lists comma-separated.
    private static string ValueText(object? value)
    {
        value = value is PSObject wrapped ? wrapped.BaseObject : value;
        return value switch
        {
            null => "",
            bool b => b ? "yes" : "no",
            SwitchParameter s => s.IsPresent ? "yes" : "no",
            string text => text,
            IEnumerable list => JoinList(list),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static string JoinList(IEnumerable list)
    {
        var parts = new List<string>();
        foreach (var item in list) parts.Add(ValueText(item));
        return string.Join(",", parts);
    }
}
