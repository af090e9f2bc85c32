using System;
using System.Collections.Generic;
using System.Globalization;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// Evaluates a print's query words on one item the way RouterOS does: each word pushes a result on a stack,
/// <c>?#</c> combines stack entries (<c>!</c> not, <c>&amp;</c> and, <c>|</c> or, <c>.</c> duplicate, digits copy an
/// entry), and the item matches when every remaining entry is true.
/// </summary>
public static class RouterQuery
{
    public static bool Matches(IReadOnlyList<string> queries, IReadOnlyDictionary<string, string> item)
    {
        var stack = new List<bool>();
        foreach (var word in queries)
        {
            var body = word.Substring(1); // without '?'
            if (body.StartsWith("#", StringComparison.Ordinal)) Combine(stack, body.Substring(1));
            else stack.Add(Test(body, item));
        }
        foreach (var value in stack) if (!value) return false;
        return true;
    }

    private static bool Test(string body, IReadOnlyDictionary<string, string> item)
    {
        if (body.Length == 0) throw new SimulatedTrap("invalid query: empty word", 1);
        if (body[0] == '-') return !item.ContainsKey(body.Substring(1));
        var op = body[0] is '<' or '>' ? body[0] : '=';
        if (op != '=') body = body.Substring(1);
        var separator = body.IndexOf('=');
        if (separator < 0)
        {
            if (op != '=') throw new SimulatedTrap($"invalid query: {op}{body} needs a value", 1);
            return item.ContainsKey(body);
        }
        var name = body.Substring(0, separator);
        var expected = body.Substring(separator + 1);
        if (!item.TryGetValue(name, out var actual)) return false;
        var comparison = Compare(actual, expected);
        return op switch { '<' => comparison < 0, '>' => comparison > 0, _ => comparison == 0 };
    }

    private static int Compare(string actual, string expected)
    {
        if (long.TryParse(actual, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) &&
            long.TryParse(expected, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b))
            return a.CompareTo(b);
        return string.CompareOrdinal(actual, expected);
    }

    private static void Combine(List<bool> stack, string operations)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case '!':
                    Require(stack, 1, op);
                    stack[stack.Count - 1] = !stack[stack.Count - 1];
                    break;
                case '&':
                case '|':
                    Require(stack, 2, op);
                    var right = stack[stack.Count - 1];
                    var left = stack[stack.Count - 2];
                    stack.RemoveRange(stack.Count - 2, 2);
                    stack.Add(op == '&' ? left && right : left || right);
                    break;
                case '.':
                    Require(stack, 1, op);
                    stack.Add(stack[stack.Count - 1]);
                    break;
                case >= '0' and <= '9':
                    var index = op - '0';
                    if (index >= stack.Count) throw new SimulatedTrap($"invalid query: no stack entry {index}", 1);
                    stack.Add(stack[index]);
                    break;
                default:
                    throw new SimulatedTrap($"invalid query operation '{op}'", 1);
            }
        }
    }

    private static void Require(List<bool> stack, int count, char op)
    {
        if (stack.Count < count) throw new SimulatedTrap($"invalid query: '{op}' needs {count} stack entries", 1);
    }
}
