namespace Altostrat.PowerShell;

/// <summary>A problem Test-AltoRouterScript found, at a 1-based line and column of the script.</summary>
public sealed class AltoScriptDiagnostic
{
    public int Line { get; set; }
    public int Column { get; set; }
    public ScriptDiagnosticSeverity Severity { get; set; }
    public string Message { get; set; } = "";

    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
