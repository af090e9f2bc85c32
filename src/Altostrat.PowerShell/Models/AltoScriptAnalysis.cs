using System;
using System.Linq;

namespace Altostrat.PowerShell;

/// <summary>What Test-AltoRouterScript found in a script: syntax diagnostics and every command with its risk.</summary>
public sealed class AltoScriptAnalysis
{
    /// <summary>Where the script came from: the file, the -Source given, or the Id of the piped object.</summary>
    public string? Source { get; set; }
    public bool IsValid { get; set; }
    public bool IsDestructive { get; set; }
    public ScriptRisk MaxRisk { get; set; }
    public AltoScriptDiagnostic[] Diagnostics { get; set; } = Array.Empty<AltoScriptDiagnostic>();

    /// <summary>All commands in source order.</summary>
    public AltoScriptCommand[] Commands { get; set; } = Array.Empty<AltoScriptCommand>();

    /// <summary>The commands that change something, destructive first, then by line: what to read before running the script.</summary>
    public AltoScriptCommand[] RiskyCommands =>
        Commands.Where(c => c.Risk > ScriptRisk.Read).OrderByDescending(c => c.Risk).ThenBy(c => c.Line).ThenBy(c => c.Column).ToArray();

    public override string ToString()
    {
        var validity = IsValid ? "valid" : $"{Diagnostics.Count(d => d.Severity == ScriptDiagnosticSeverity.Error)} syntax error(s)";
        return $"{validity}, {Commands.Count(c => !c.IsSelector)} command(s), highest risk {MaxRisk}";
    }
}
