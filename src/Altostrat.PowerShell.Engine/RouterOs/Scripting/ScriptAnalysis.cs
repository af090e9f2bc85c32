using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>What <see cref="ScriptAnalyzer"/> found in a script: its commands in source order, with risks, and its diagnostics.</summary>
public sealed class ScriptAnalysis
{
    internal ScriptAnalysis(IReadOnlyList<ScriptCommand> commands, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        Commands = commands;
        Diagnostics = diagnostics;
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
