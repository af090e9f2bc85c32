using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// Runs the command lines of a RouterOS script against the simulated configuration: menu commands in both
/// spellings (<c>/ip address add ...</c>, <c>/ip/address/add ...</c>), relative commands after a bare menu line,
/// <c>[find name=x]</c> references, quoted values, line continuations, and <c>:put</c>, <c>:log</c>, <c>:delay</c>,
/// <c>:error</c>, <c>:local</c>, <c>:global</c>, <c>:set</c>. Control flow (<c>:if</c>, <c>:foreach</c>, ...) is
/// beyond a simulator; such a script fails with an error that says so rather than pretending to run it.
/// </summary>
public sealed class ScriptInterpreter
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "print", "getall", "add", "set", "remove", "enable", "disable", "get", "run", "save", "reboot", "shutdown",
    };
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal) { ":put", ":log", ":local", ":global", ":set" };
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    private readonly RouterCommandProcessor _processor;

    public ScriptInterpreter(RouterCommandProcessor processor) => _processor = processor;

    public async Task RunAsync(string source, CancellationToken cancellationToken)
    {
        var menu = "";
        var lineNumber = 0;
        foreach (var (line, number) in LogicalLines(source))
        {
            lineNumber = number;
            try
            {
                menu = await RunLineAsync(line, menu, cancellationToken).ConfigureAwait(false);
            }
            catch (SimulatedTrap trap)
            {
                throw new SimulatedTrap($"{trap.Message} (line {lineNumber})", trap.Category ?? 3);
            }
        }
    }

    private async Task<string> RunLineAsync(string line, string menu, CancellationToken cancellationToken)
    {
        var tokens = Tokenize(line);
        if (tokens.Count == 0) return menu;
        if (tokens[0].StartsWith(":", StringComparison.Ordinal))
        {
            await RunScriptingCommandAsync(tokens, cancellationToken).ConfigureAwait(false);
            return menu;
        }

        var words = new List<string>();
        var index = 0;
        if (tokens[0].StartsWith("/", StringComparison.Ordinal)) menu = "";
        for (; index < tokens.Count && IsPathWord(tokens[index]); index++)
            words.AddRange(tokens[index].Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
        if (words.Count == 0 && index < tokens.Count) throw new SimulatedTrap($"syntax error ({tokens[index]})", 3);

        var verb = words.Count > 0 ? words[words.Count - 1] : "";
        if (!Verbs.Contains(verb))
        {
            if (index < tokens.Count) throw new SimulatedTrap($"bad command name {verb}", 0);
            return menu + "/" + string.Join("/", words); // a bare menu line: the commands that follow are relative to it
        }
        var menuPath = menu + (words.Count > 1 ? "/" + string.Join("/", words.Take(words.Count - 1)) : "");
        var attributes = new List<KeyValuePair<string, string>>();
        for (; index < tokens.Count; index++) attributes.Add(Argument(tokens[index], menuPath));
        await _processor.ExecuteAsync(menuPath + "/" + verb, attributes, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        return menu;
    }

    private static bool IsPathWord(string token) =>
        token.IndexOf('=') < 0 && !token.StartsWith("[", StringComparison.Ordinal) && !token.StartsWith("\"", StringComparison.Ordinal)
        && !char.IsDigit(token[0]) && token[0] != '*';

    private KeyValuePair<string, string> Argument(string token, string menuPath)
    {
        if (token.StartsWith("[", StringComparison.Ordinal)) return new KeyValuePair<string, string>("numbers", Find(token, menuPath));
        var separator = token.IndexOf('=');
        if (separator < 0) return new KeyValuePair<string, string>("numbers", Unquote(token));
        var value = token.Substring(separator + 1);
        return new KeyValuePair<string, string>(token.Substring(0, separator),
            value.StartsWith("[", StringComparison.Ordinal) ? Find(value, menuPath) : Unquote(value));
    }

    // [find name=ether1 disabled=no] -> the ids of the matching items, comma-separated.
    private string Find(string expression, string menuPath)
    {
        var inner = Tokenize(expression.Trim('[', ']'));
        if (inner.Count == 0 || inner[0] != "find") throw new SimulatedTrap($"the simulator only evaluates [find ...], not {expression}", 3);
        var queries = inner.Skip(1).Select(t =>
        {
            var separator = t.IndexOf('=');
            return separator < 0 ? "?" + t : "?" + t.Substring(0, separator) + "=" + Unquote(t.Substring(separator + 1));
        }).ToList();
        lock (_processor.Configuration.Sync)
        {
            if (!_processor.Configuration.TryGetMenu(menuPath, out var menu)) throw SimulatedTrap.NoSuchCommand(menuPath);
            return string.Join(",", menu.Items.Where(i => RouterQuery.Matches(queries, i)).Select(i => i[".id"]));
        }
    }

    private static async Task RunScriptingCommandAsync(List<string> tokens, CancellationToken cancellationToken)
    {
        var command = tokens[0];
        switch (command)
        {
            case ":delay":
                var delay = tokens.Count > 1 ? ParseDuration(tokens[1]) : TimeSpan.FromSeconds(1);
                await Task.Delay(delay < LongestDelay ? delay : LongestDelay, cancellationToken).ConfigureAwait(false);
                return;
            case ":error":
                throw new SimulatedTrap(tokens.Count > 1 ? Unquote(string.Join(" ", tokens.Skip(1))) : "script error", 3);
            default:
                if (Accepted.Contains(command)) return;
                throw new SimulatedTrap($"the simulator does not run {command} (it runs menu commands, :put, :log, :delay and :error)", 3);
        }
    }

    private static TimeSpan ParseDuration(string text)
    {
        if (text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text.Substring(0, text.Length - 2), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            return TimeSpan.FromMilliseconds(ms);
        if (double.TryParse(text.TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        throw new SimulatedTrap($"invalid time value {text}", 1);
    }

    // Joins continued lines (trailing backslash), drops comments and splits on ';' outside quotes and brackets.
    private static IEnumerable<(string Line, int Number)> LogicalLines(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var pending = new StringBuilder();
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (pending.Length == 0) start = i + 1;
            if (line.EndsWith("\\", StringComparison.Ordinal))
            {
                pending.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }
            pending.Append(line);
            var whole = pending.ToString().Trim();
            pending.Clear();
            if (whole.Length == 0 || whole.StartsWith("#", StringComparison.Ordinal)) continue;
            foreach (var part in SplitStatements(whole)) yield return (part, start);
        }
        if (pending.Length > 0) yield return (pending.ToString().Trim(), start);
    }

    private static IEnumerable<string> SplitStatements(string line)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && quoted) { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '[' or '{' or '(') depth++;
            else if (!quoted && c is ']' or '}' or ')') depth--;
            else if (!quoted && depth == 0 && c == ';')
            {
                var part = line.Substring(start, i - start).Trim();
                if (part.Length > 0) yield return part;
                start = i + 1;
            }
        }
        var last = line.Substring(start).Trim();
        if (last.Length > 0) yield return last;
    }

    // Splits on spaces outside quotes and brackets; quotes are kept for Unquote.
    internal static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && quoted && i + 1 < line.Length)
            {
                current.Append(c).Append(line[++i]);
                continue;
            }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') depth++;
            else if (!quoted && c == ']') depth--;
            if (!quoted && depth == 0 && char.IsWhiteSpace(c))
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (quoted) throw new SimulatedTrap("syntax error (unterminated string)", 3);
        if (depth != 0) throw new SimulatedTrap("syntax error (unbalanced brackets)", 3);
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[value.Length - 1] != '"') return value;
        var text = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length - 1)
            {
                var next = value[++i];
                text.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                continue;
            }
            text.Append(c);
        }
        return text.ToString();
    }
}
