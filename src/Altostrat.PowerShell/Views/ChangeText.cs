using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.Engine.Text;

namespace Altostrat.PowerShell.Views;

/// <summary>
/// A value in the Change column of the desired-state tables (Altostrat.format.ps1xml): a secret reads ***, as in the
/// change's Script, and control characters from a router's value are escaped.
/// </summary>
public static class ChangeText
{
    public static string Value(string name, object? value) =>
        TerminalText.Safe(SecretValues.ShownValue(name, value?.ToString() ?? ""));
}
