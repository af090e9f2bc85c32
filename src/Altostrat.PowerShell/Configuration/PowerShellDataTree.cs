using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation.Language;
using Altostrat.Engine.RouterOs.Configuration;

namespace Altostrat.PowerShell.Configuration;

/// <summary>
/// A .psd1's hashtable as the engine's document tree, built from its syntax tree rather than from its value, so that
/// every table keeps its line and the line of each of its fields: a mistake in a file is then reported with its line,
/// as it is for JSON. The caller has already checked that the table is constant (SafeGetValue); values are still
/// taken through SafeGetValue, so nothing in the file is ever run.
/// </summary>
internal static class PowerShellDataTree
{
    public static LocatedTable From(HashtableAst table)
    {
        var located = new LocatedTable(table.Extent.StartLineNumber);
        foreach (var (name, value) in table.KeyValuePairs)
        {
            var key = Convert.ToString(name.SafeGetValue(), CultureInfo.InvariantCulture) ?? "";
            located[key] = Value(value);
            located.FieldLines[key] = name.Extent.StartLineNumber;
        }
        return located;
    }

    private static object? Value(Ast ast) => ast switch
    {
        HashtableAst table => From(table),
        PipelineAst pipeline when pipeline.GetPureExpression() is { } expression => Value(expression),
        ParenExpressionAst paren => Value(paren.Pipeline),
        ArrayLiteralAst array => Items(array.Elements, enumerate: false),
        ArrayExpressionAst array => Items(array.SubExpression.Statements, enumerate: true),
        ExpressionAst expression => PlainTree.From(expression.SafeGetValue()),
        _ => throw new InvalidOperationException($"'{ast.Extent.Text}' is not a constant value."),
    };

    /// <param name="enumerate">
    /// For the statements of @( ... ), whose output PowerShell enumerates: @( 'a', 'b' ) is two items, not one list.
    /// The elements of 'a', 'b' are taken as they are.
    /// </param>
    private static List<object?> Items(IEnumerable<Ast> items, bool enumerate)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            var value = Value(item);
            if (enumerate && value is List<object?> inner) list.AddRange(inner);
            else list.Add(value);
        }
        return list;
    }
}
