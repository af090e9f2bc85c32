using System;
using System.Collections.Generic;
using System.IO;
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
        string? resolvedPath = null;
        if (path is not null && !TryResolveFile(path, out resolvedPath, out error)) return false;
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

    // One existing .rsc file (see InputFile.Resolve): a wildcard must match exactly one, and a folder or a missing file
    // is refused by name.
    private bool TryResolveFile(string path, out string resolved, out ErrorRecord error)
    {
        error = null!;
        var matches = InputFile.Resolve(_cmdlet, path);
        if (matches.Count > 1)
        {
            error = new ErrorRecord(new ArgumentException($"'{path}' matches {matches.Count} paths; one script takes one file. Give its full name."),
                ErrorIds.Script.AmbiguousPath, ErrorCategory.InvalidArgument, path);
            resolved = path;
            return false;
        }
        // Nothing matched (or an unknown drive): reported as the file that does not exist.
        resolved = matches.Count == 1 ? matches[0] : path;
        if (InputFile.Problem(resolved, "script file", "a .rsc file", ", or pass the script text with -Script", out var isFolder) is not { } problem) return true;
        error = isFolder
            ? new ErrorRecord(new ArgumentException(problem), ErrorIds.Script.PathIsFolder, ErrorCategory.InvalidArgument, path)
            : new ErrorRecord(new ItemNotFoundException(problem), ErrorIds.Script.FileNotFound, ErrorCategory.ObjectNotFound, path);
        return false;
    }
}
