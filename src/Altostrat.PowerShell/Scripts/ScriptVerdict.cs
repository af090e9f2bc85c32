using System.Linq;
using Analyzer = Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.PowerShell.Scripts;

/// <summary>
/// What the risk gate needs of an analysis: the highest risk, and the words it shows (one summary line, and the
/// destructive commands). Made straight from the engine's analysis where the module's <see cref="AltoScriptAnalysis"/>,
/// every command and argument an object of its own, is not wanted: a configuration change is rated for every entry
/// of every router, and those objects were a large part of what a fleet run allocated.
/// </summary>
internal sealed class ScriptVerdict
{
    private ScriptVerdict(ScriptRisk maxRisk, string summary, string destructiveLines)
    {
        MaxRisk = maxRisk;
        Summary = summary;
        DestructiveLines = destructiveLines;
    }

    public ScriptRisk MaxRisk { get; }

    public bool IsDestructive => MaxRisk == ScriptRisk.Destructive;

    /// <summary>See <see cref="ScriptReview.Summary(AltoScriptAnalysis)"/>.</summary>
    public string Summary { get; }

    /// <summary>See <see cref="ScriptReview.DestructiveLines(AltoScriptAnalysis)"/>; empty unless destructive.</summary>
    public string DestructiveLines { get; }

    public static ScriptVerdict Of(AltoScriptAnalysis analysis) =>
        new(analysis.MaxRisk, ScriptReview.Summary(analysis), analysis.IsDestructive ? ScriptReview.DestructiveLines(analysis) : "");

    public static ScriptVerdict Of(Analyzer.ScriptAnalysis analysis)
    {
        var maxRisk = (ScriptRisk)(int)analysis.MaxRisk;
        var destructive = analysis.Commands.Where(c => c.Risk == Analyzer.ScriptRisk.Destructive).ToList();
        var errors = analysis.Diagnostics.Count(d => d.Severity == Analyzer.ScriptDiagnosticSeverity.Error);
        var summary = ScriptReview.Summary(analysis.Commands.Count, destructive.Count, maxRisk, analysis.IsValid, errors);
        return new ScriptVerdict(maxRisk, summary, destructive.Count == 0 ? "" : ScriptReview.DestructiveLines(destructive.Select(c => (c.Line, c.Text, c.Reason))));
    }
}
