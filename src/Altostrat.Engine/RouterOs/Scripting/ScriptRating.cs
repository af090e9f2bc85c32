using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// The verdict on a script without its parse: the highest risk, how many commands, whether it parses, and which
/// commands are destructive. What a risk gate needs, for scripts rated many at a time (<see cref="ScriptAnalyzer.RateEach"/>).
/// </summary>
public sealed class ScriptRating
{
    private static readonly ScriptCommand[] NoCommands = Array.Empty<ScriptCommand>();

    internal ScriptRating(ScriptRisk maxRisk, int commandCount, int errorCount, IReadOnlyList<ScriptCommand>? destructive, int lineOffset)
    {
        MaxRisk = maxRisk;
        CommandCount = commandCount;
        ErrorCount = errorCount;
        Destructive = destructive ?? NoCommands;
        LineOffset = lineOffset;
    }

    public ScriptRisk MaxRisk { get; }

    public bool IsDestructive => MaxRisk == ScriptRisk.Destructive;

    public int CommandCount { get; }

    /// <summary>Error-level diagnostics; the script is valid when there are none.</summary>
    public int ErrorCount { get; }

    public bool IsValid => ErrorCount == 0;

    /// <summary>The destructive commands, in order. Their <see cref="ScriptCommand.Line"/> minus <see cref="LineOffset"/> is their line in this script.</summary>
    public IReadOnlyList<ScriptCommand> Destructive { get; }

    /// <summary>
    /// How many lines came before this script where it was analysed together with others; 0 when alone. A rating a
    /// <see cref="ScriptRatingCache"/> gives again counts the lines of the plan it was first rated in: it has no
    /// destructive commands, the only ones whose lines need it.
    /// </summary>
    public int LineOffset { get; }

    public static ScriptRating Of(ScriptAnalysis analysis)
    {
        if (analysis is null) throw new ArgumentNullException(nameof(analysis));
        var errors = 0;
        foreach (var diagnostic in analysis.Diagnostics)
            if (diagnostic.Severity == ScriptDiagnosticSeverity.Error) errors++;
        return Of(analysis.Commands, 0, analysis.Commands.Count, errors, lineOffset: 0);
    }

    /// <summary>The rating of the <paramref name="count"/> commands from <paramref name="first"/> of an analysis.</summary>
    internal static ScriptRating Of(IReadOnlyList<ScriptCommand> commands, int first, int count, int errorCount, int lineOffset)
    {
        var maxRisk = ScriptRisk.Read;
        List<ScriptCommand>? destructive = null;
        var counted = 0;
        for (var i = first; i < first + count; i++)
        {
            var command = commands[i];
            if (!command.IsSelector) counted++;
            if (command.Risk > maxRisk) maxRisk = command.Risk;
            if (command.Risk == ScriptRisk.Destructive) (destructive ??= new List<ScriptCommand>()).Add(command);
        }
        return new ScriptRating(maxRisk, counted, errorCount, destructive, lineOffset);
    }
}
