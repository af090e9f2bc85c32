using System.IO;
using System.Linq;
using System.Text;

namespace Altostrat.PowerShell.Validation;

/// <summary>
/// A name that came from the API or a router, made fit to be one file name in a folder the user chose: no folder
/// separators, no "..", no characters a file system refuses. A site id such as <c>../../startup</c> must never
/// write outside that folder.
/// </summary>
internal static class SafeFileName
{
    private static readonly char[] Invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':' }).Distinct().ToArray();

    public static string From(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name) safe.Append(c < ' ' || Invalid.Contains(c) ? '_' : c);
        // "." and ".." name folders, and a leading dot hides a file.
        return safe.Length == 0 || safe[0] == '.' ? "_" + safe : safe.ToString();
    }
}
