using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace Altostrat.PowerShell.Validation;

/// <summary>
/// The one check, and the one wording, for a file a cmdlet reads (a script, a template, a desired-state document): a
/// folder and a missing file are different mistakes, and each message says what to give instead.
/// </summary>
internal static class InputFile
{
    /// <summary>
    /// The file system paths <paramref name="path"/> names: itself when it exists as typed (x[1].rsc is a name, not a
    /// pattern) or has no wildcards, else what its wildcards match; empty when they match nothing or the drive is unknown.
    /// </summary>
    public static List<string> Resolve(PSCmdlet cmdlet, string path)
    {
        try
        {
            var literal = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (File.Exists(literal) || Directory.Exists(literal) || !WildcardPattern.ContainsWildcardCharacters(path)) return new List<string> { literal };
            return cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _).ToList();
        }
        catch (SessionStateException)
        {
            return new List<string>();
        }
    }

    /// <summary>Null when <paramref name="resolvedPath"/> is a file; otherwise why not, in a sentence that ends with what to do.</summary>
    /// <param name="noun">What the file is, for the message: "script file".</param>
    /// <param name="expected">What to give: "a .rsc file".</param>
    /// <param name="instead">The other way to give it, as ", or pass the script text with -Script"; empty for none.</param>
    /// <param name="isFolder">Whether the path is a folder (for the caller's error id).</param>
    public static string? Problem(string resolvedPath, string noun, string expected, string instead, out bool isFolder)
    {
        isFolder = Directory.Exists(resolvedPath);
        if (isFolder) return $"'{resolvedPath}' is a folder. Give the path of {expected} in it{instead}.";
        return File.Exists(resolvedPath) ? null : $"The {noun} '{resolvedPath}' does not exist. Give the path of {expected}{instead}.";
    }
}
