using System.Text.RegularExpressions;

namespace Altostrat.PowerShell.Views;

/// <summary>
/// The Error column of the router result tables (Altostrat.format.ps1xml): messages name their router, which the
/// ComputerName column beside them already shows, so the table drops that and gives the reason the room.
/// </summary>
public static class RouterErrorText
{
    public static string ForTable(string? computerName, string? error)
    {
        if (string.IsNullOrEmpty(error) || string.IsNullOrEmpty(computerName)) return error ?? "";
        var name = Regex.Escape(computerName);
        var text = Regex.Replace(error, $@"^Could not connect to \[?{name}\]?(:\d+)?: ", "Could not connect: ");
        return Regex.Replace(text, $@"^\[?{name}\]?(:\d+)?:? ", "");
    }
}
