using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>What <see cref="ScriptAnalyzer"/> found in a script: its commands and its diagnostics, both in source order.</summary>
public sealed class ScriptAnalysis
{
    internal ScriptAnalysis(IReadOnlyList<ScriptCommand> commands, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        Commands = commands;
        // The parser reports an unclosed bracket when it reaches the end, after what is inside it; readers want
        // them in the order of the text. OrderBy is stable, so diagnostics at one position keep their order.
        Diagnostics = diagnostics.Count < 2 ? diagnostics : diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        IsValid = diagnostics.All(d => d.Severity != ScriptDiagnosticSeverity.Error);
        MaxRisk = commands.Count == 0 ? ScriptRisk.Read : commands.Max(c => c.Risk);
    }

    public IReadOnlyList<ScriptCommand> Commands { get; }
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>True when there is no error-level diagnostic (warnings allowed).</summary>
    public bool IsValid { get; }

    public ScriptRisk MaxRisk { get; }

    public bool IsDestructive => MaxRisk == ScriptRisk.Destructive;
}
