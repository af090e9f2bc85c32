using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Analyzer = Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.PowerShell.Scripts;

/// <summary>
/// What the risk gate needs of an analysis: the highest risk, and the words it shows (one summary line, and the
/// destructive commands). Made straight from the engine's rating where the module's <see cref="AltoScriptAnalysis"/>,
/// every command and argument an object of its own, is not wanted: a configuration change is rated for every entry
/// of every router, and those objects were a large part of what a fleet run allocated.
/// </summary>
internal sealed class ScriptVerdict
{
    // Verdicts without destructive commands differ only in risk and counts: one object each, for every plan of every router.
    private static readonly ConcurrentDictionary<(Analyzer.ScriptRisk, int, int), ScriptVerdict> Plain = new();

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

    public static ScriptVerdict Of(Analyzer.ScriptRating rating)
    {
        var maxRisk = (ScriptRisk)(int)rating.MaxRisk;
        var summary = ScriptReview.Summary(rating.CommandCount, rating.Destructive.Count, maxRisk, rating.IsValid, rating.ErrorCount);
        var lines = rating.Destructive.Count == 0 ? ""
            : ScriptReview.DestructiveLines(rating.Destructive.Select(c => (c.Line - rating.LineOffset, c.Text, c.Reason)));
        return new ScriptVerdict(maxRisk, summary, lines);
    }

    /// <summary>The verdict on each rating; equal verdicts without destructive commands are one object.</summary>
    public static ScriptVerdict[] OfEach(IReadOnlyList<Analyzer.ScriptRating> ratings)
    {
        var verdicts = new ScriptVerdict[ratings.Count];
        for (var i = 0; i < ratings.Count; i++)
        {
            var rating = ratings[i];
            if (rating.Destructive.Count > 0)
            {
                verdicts[i] = Of(rating);
                continue;
            }
            var kind = (rating.MaxRisk, rating.CommandCount, rating.ErrorCount);
            if (!Plain.TryGetValue(kind, out var verdict)) verdict = Plain.GetOrAdd(kind, Of(rating));
            verdicts[i] = verdict;
        }
        return verdicts;
    }
}
