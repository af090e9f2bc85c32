using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// Runs a RouterOS script against the simulated configuration from the engine's parse of it (the same
/// <see cref="ScriptAnalyzer"/> that judges a script's risk), so the simulator and the analyzer never disagree about
/// what a script says: menu commands in both spellings (<c>/ip address add ...</c>, <c>/ip/address/add ...</c>),
/// relative commands after a bare menu line, <c>[find name=x]</c> references, quoted values, line continuations,
/// and <c>:put</c>, <c>:log</c>, <c>:delay</c>, <c>:error</c>, <c>:local</c>, <c>:global</c>, <c>:set</c>. Control flow
/// (<c>:if</c>, <c>:foreach</c>, ...), code blocks, variables and expressions in values are beyond a simulator; such a
/// script fails with an error that says so rather than pretending to run it. A string or bracket never closed fails
/// the script before any of it runs; the analyzer's other findings are left to the router (see <see cref="RunAsync"/>).
/// </summary>
public sealed class ScriptInterpreter
{
    private static readonly HashSet<string> Accepted = new(StringComparer.Ordinal) { ":put", ":log", ":local", ":global", ":set" };
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    private readonly RouterCommandProcessor _processor;

    public ScriptInterpreter(RouterCommandProcessor processor) => _processor = processor;

    public async Task RunAsync(string source, CancellationToken cancellationToken)
    {
        var analysis = ScriptAnalyzer.Analyze(source);
        // The analyzer is a lint, stricter than a router (a script sent with -Force despite its findings runs on
        // the router, which decides). The simulator refuses only what no router could read: a string or a bracket
        // never closed, which leaves no command to run. That fails the script before any line runs, as RouterOS
        // parses a whole script first.
        if (analysis.Diagnostics.FirstOrDefault(d => d.Severity == ScriptDiagnosticSeverity.Error && d.Message.Contains("is never closed")) is { } error)
            throw new SimulatedTrap($"syntax error ({error.Message}) (line {error.Line})", 3);

        var commands = analysis.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            var statement = commands[i];
            // The commands written inside this one ([find ...]) follow it, one level deeper.
            var nested = new Queue<ScriptCommand>();
            while (i + 1 < commands.Count && commands[i + 1].Depth > statement.Depth) nested.Enqueue(commands[++i]);
            try
            {
                if (statement.Depth > 0) throw new SimulatedTrap("the simulator does not run code blocks ({...})", 3);
                await RunStatementAsync(statement, nested, cancellationToken).ConfigureAwait(false);
            }
            catch (SimulatedTrap trap)
            {
                throw new SimulatedTrap($"{trap.Message} (line {statement.Line})", trap.Category ?? 3);
            }
        }
    }

    private async Task RunStatementAsync(ScriptCommand statement, Queue<ScriptCommand> nested, CancellationToken cancellationToken)
    {
        if (statement.Command.StartsWith(":", StringComparison.Ordinal))
        {
            // What :put or :local would print or keep is not evaluated, so the commands inside them do not run.
            await RunScriptingCommandAsync(statement, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (statement.Command.StartsWith("$", StringComparison.Ordinal))
            throw new SimulatedTrap($"the simulator does not call functions ({statement.Command})", 3);

        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var argument in statement.Arguments)
            attributes.Add(new KeyValuePair<string, string>(argument.Name ?? "numbers", ValueOf(argument, nested, statement.Depth + 1)));
        RefuseSubstitutions(nested);
        var path = statement.Path == "/" ? "/" + statement.Command : statement.Path + "/" + statement.Command;
        // A path alone that names a menu only changes the current menu, as the router reads it; any other runs (and an
        // unknown command fails, as on a router).
        if (statement.MayBeMenu)
            lock (_processor.Configuration.Sync)
                if (_processor.Configuration.MenuPaths.Any(menu => menu == path || menu.StartsWith(path + "/", StringComparison.Ordinal))) return;
        try
        {
            await _processor.ExecuteAsync(path, attributes, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        }
        catch (SimulatedTrap trap) when (RouterOsCommands.IsReadOnly(statement.Command)
                                         && trap.Message == SimulatedTrap.NoSuchCommand(statement.Command).Message)
        {
            // A command that only reads (/ping, /interface monitor-traffic, /export) and that the simulator does not
            // implement: in a script its output goes nowhere and it changes nothing, so the script goes on as on a
            // router. A misspelt menu still fails: the trap then names the menu word, not the command.
        }
    }

    // A literal value as written (quotes and escapes resolved by the parser), or the ids a [find ...] stands for.
    private string ValueOf(ScriptArgument argument, Queue<ScriptCommand> nested, int substitutionDepth)
    {
        if (argument.Value is { } literal) return literal;
        var written = argument.Name is null ? argument.Text : argument.Text.Substring(argument.Text.IndexOf('=') + 1);
        if (written.StartsWith("[", StringComparison.Ordinal) && written.EndsWith("]", StringComparison.Ordinal) && nested.Count > 0
            && nested.Peek().Command == "find" && nested.Peek().Depth == substitutionDepth)
            return Find(nested.Dequeue(), nested);
        throw new SimulatedTrap($"the simulator only evaluates [find ...], not variables or expressions ({written})", 3);
    }

    // [find name=ether1 disabled=no] -> the ids of the matching items, comma-separated.
    private string Find(ScriptCommand find, Queue<ScriptCommand> nested)
    {
        if (nested.Count > 0 && nested.Peek().Depth > find.Depth)
            throw new SimulatedTrap("the simulator only evaluates a plain [find ...], without commands inside it", 3);
        var queries = new List<string>();
        foreach (var argument in find.Arguments)
        {
            if (argument.Name is null && argument.Value == "where") continue;
            if (argument.Value is null) throw new SimulatedTrap($"the simulator only evaluates [find ...] with literal values, not {argument.Text}", 3);
            queries.Add(argument.Name is null ? "?" + argument.Value : "?" + argument.Name + "=" + AsPrinted(argument.Value));
        }
        lock (_processor.Configuration.Sync)
        {
            if (!_processor.Configuration.TryGetMenu(find.Path, out var menu)) throw SimulatedTrap.NoSuchCommand(find.Path);
            return string.Join(",", menu.Items.Where(i => RouterQuery.Matches(queries, i)).Select(i => i[".id"]));
        }
    }

    // The router compares typed values, so disabled=no finds what prints as disabled=false.
    private static string AsPrinted(string value) => value switch { "yes" => "true", "no" => "false", _ => value };

    private static void RefuseSubstitutions(Queue<ScriptCommand> nested)
    {
        if (nested.Count > 0)
            throw new SimulatedTrap($"the simulator only evaluates [find ...] in a menu command's values, not {nested.Peek().Command} here", 3);
    }

    private static async Task RunScriptingCommandAsync(ScriptCommand command, CancellationToken cancellationToken)
    {
        switch (command.Command)
        {
            case ":delay":
                var delay = command.Arguments.Count > 0 ? ParseDuration(command.Arguments[0]) : TimeSpan.FromSeconds(1);
                await Task.Delay(delay < LongestDelay ? delay : LongestDelay, cancellationToken).ConfigureAwait(false);
                return;
            case ":error":
                throw new SimulatedTrap(command.Arguments.Count > 0 ? string.Join(" ", command.Arguments.Select(a => a.Value ?? a.Text)) : "script error", 3);
            default:
                if (Accepted.Contains(command.Command)) return;
                throw new SimulatedTrap($"the simulator does not run {command.Command} (it runs menu commands, :put, :log, :delay and :error)", 3);
        }
    }

    private static TimeSpan ParseDuration(ScriptArgument argument)
    {
        var text = argument.Value ?? throw new SimulatedTrap($"invalid time value {argument.Text}", 1);
        if (text.EndsWith("ms", StringComparison.Ordinal) && double.TryParse(text.Substring(0, text.Length - 2), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            return TimeSpan.FromMilliseconds(ms);
        return RouterValues.ParseDuration("delay", text);
    }
}
