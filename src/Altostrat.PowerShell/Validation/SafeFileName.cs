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

    // Names Windows gives to devices, whatever the extension after them.
    private static readonly string[] Devices = { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9" };

    public static string From(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name) safe.Append(c < ' ' || Invalid.Contains(c) ? '_' : c);
        // Windows drops trailing dots and spaces, so two names could meet in one file.
        for (var i = safe.Length - 1; i >= 0 && safe[i] is '.' or ' '; i--) safe[i] = '_';
        var text = safe.ToString();
        var stem = text.Split('.')[0];
        // "." and ".." name folders, a leading dot hides a file, and NUL.x is a device on Windows.
        return text.Length == 0 || text[0] == '.' || Devices.Contains(stem, System.StringComparer.OrdinalIgnoreCase) ? "_" + text : text;
    }
}
