using System;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Scripts;

/// <summary>
/// The script a cmdlet is given (-Script, -Path to a .rsc, or a Script property of a piped object) and its analysis:
/// read, refused when empty, analyzed once per distinct text (pipelines repeat one script for every input), refused
/// with its syntax errors unless -Force, and warned about once when forced.
/// </summary>
internal sealed class ScriptInput
{
    private readonly PSCmdlet _cmdlet;
    private readonly bool _force;
    private readonly Dictionary<string, AltoScriptAnalysis> _analyses = new(StringComparer.Ordinal);

    public ScriptInput(PSCmdlet cmdlet, bool force)
    {
        _cmdlet = cmdlet;
        _force = force;
    }

    /// <summary>
    /// The text and its analysis; false with <paramref name="error"/> (an empty script, a missing file, syntax
    /// errors without -Force) for the caller to write or throw.
    /// </summary>
    /// <param name="path">A PowerShell path to a .rsc file, or null to use <paramref name="script"/>.</param>
    public bool TryRead(string? script, string? path, object? target, out string text, out AltoScriptAnalysis analysis, out ErrorRecord error)
    {
        text = "";
        analysis = null!;
        error = null!;
        var resolvedPath = path is null ? null : _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        var read = InputValidation.ReadScript(path is null ? script : null, resolvedPath, out var readError);
        if (read is null)
        {
            error = ErrorRecords.InvalidArgument(ErrorIds.Sdx.EmptyScript, readError!, path ?? target);
            return false;
        }
        text = read;
        if (_analyses.TryGetValue(read, out var known))
        {
            analysis = known;
            return true;
        }
        analysis = ScriptReview.Analyze(read);
        if (!analysis.IsValid)
        {
            if (!_force)
            {
                error = ScriptReview.SyntaxError(analysis, path ?? target);
                return false;
            }
            _cmdlet.WriteWarning(ScriptReview.ForcedWarning(analysis));
        }
        _analyses[read] = analysis;
        return true;
    }
}
