using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Scripts;

/// <summary>
/// The analyzer as the cmdlets use it: the module's own result type, and the words shown when a script is refused,
/// described under -WhatIf, or put to the user for confirmation.
/// </summary>
internal static class ScriptReview
{
    private const int LinesShown = 10;

    public static AltoScriptAnalysis Analyze(string script, string? source = null)
    {
        var analysis = ScriptAnalyzer.Analyze(script);
        return new AltoScriptAnalysis
        {
            Source = source,
            IsValid = analysis.IsValid,
            IsDestructive = analysis.IsDestructive,
            MaxRisk = (ScriptRisk)(int)analysis.MaxRisk,
            Diagnostics = analysis.Diagnostics.Select(d => new AltoScriptDiagnostic
            {
                Line = d.Line,
                Column = d.Column,
                Severity = d.Severity == Engine.RouterOs.Scripting.ScriptDiagnosticSeverity.Error ? ScriptDiagnosticSeverity.Error : ScriptDiagnosticSeverity.Warning,
                Message = d.Message,
            }).ToArray(),
            Commands = analysis.Commands.Select(c => new AltoScriptCommand
            {
                Line = c.Line,
                Column = c.Column,
                Path = c.Path,
                Command = c.Command,
                Arguments = c.Arguments.Select(a => a.Text).ToArray(),
                Risk = (ScriptRisk)(int)c.Risk,
                Reason = c.Reason,
                Text = c.Text,
                MayBeMenu = c.MayBeMenu,
                IsSelector = c.IsSelector,
            }).ToArray(),
        };
    }

    /// <summary>The analysis of one API command, as the same line in a script (the risk gate's verdict on it).</summary>
    public static AltoScriptAnalysis AnalyzeCommand(Engine.RouterOs.Client.RouterCommand command) => Analyze(command.ToScriptLine(), command.Path);

    /// <summary>The error for a script with syntax errors, listing the first ones and saying how to go on.</summary>
    public static ErrorRecord SyntaxError(AltoScriptAnalysis analysis, object? target)
    {
        var errors = Errors(analysis);
        var message = $"The script has {errors.Count} syntax error(s), so it was not sent:{Environment.NewLine}{List(errors.Select(d => d.ToString()))}" +
            $"{Environment.NewLine}Fix the script (Test-AltoRouterScript lists every problem), or add -Force to send it as it is.";
        return new ErrorRecord(new ArgumentException(message), ErrorIds.Script.SyntaxError, ErrorCategory.ParserError, target);
    }

    /// <summary>A template is kept as given (it may be a draft), but whoever saves one that cannot run should know.</summary>
    public static string TemplateWarning(AltoScriptAnalysis analysis)
    {
        var errors = Errors(analysis);
        return $"The template's script has {errors.Count} syntax error(s); it is saved as given, and running it will fail until they are fixed:{Environment.NewLine}{List(errors.Select(d => d.ToString()))}";
    }

    public static string ForcedWarning(AltoScriptAnalysis analysis)
    {
        var errors = Errors(analysis);
        return $"Sending a script with {errors.Count} syntax error(s) because -Force was given; RouterOS will likely refuse it:{Environment.NewLine}{List(errors.Select(d => d.ToString()))}";
    }

    /// <summary>One line: validity, number of commands, highest risk.</summary>
    public static string Summary(AltoScriptAnalysis analysis) =>
        Summary(analysis.Commands.Count(c => !c.IsSelector), analysis.Commands.Count(c => c.Risk == ScriptRisk.Destructive), analysis.MaxRisk, analysis.IsValid, Errors(analysis).Count);

    /// <summary>The summary line from the counts (see <see cref="ScriptVerdict"/>).</summary>
    public static string Summary(int commands, int destructive, ScriptRisk maxRisk, bool valid, int errors)
    {
        var risk = destructive > 0 ? $"DESTRUCTIVE ({destructive} command(s))" : $"highest risk {maxRisk}";
        var validity = valid ? "no syntax errors" : $"{errors} syntax error(s)";
        return $"{commands} command(s), {risk}, {validity}";
    }

    /// <summary>The destructive commands, one per line with its line number and reason.</summary>
    public static string DestructiveLines(AltoScriptAnalysis analysis) =>
        DestructiveLines(analysis.Commands.Where(c => c.Risk == ScriptRisk.Destructive).Select(c => (c.Line, c.Text, c.Reason)));

    public static string DestructiveLines(IEnumerable<(int Line, string Text, string Reason)> destructive) =>
        List(destructive.Select(c => $"line {c.Line}: {c.Text} -- {c.Reason}"));

    private static List<AltoScriptDiagnostic> Errors(AltoScriptAnalysis analysis) =>
        analysis.Diagnostics.Where(d => d.Severity == ScriptDiagnosticSeverity.Error).ToList();

    private static string List(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var shown = all.Take(LinesShown).Select(line => "  " + line);
        var more = all.Count > LinesShown ? new[] { $"  ... and {all.Count - LinesShown} more" } : Array.Empty<string>();
        return string.Join(Environment.NewLine, shown.Concat(more));
    }
}
