namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>A problem found in a script, at a 1-based physical line and column.</summary>
public sealed class ScriptDiagnostic
{
    public ScriptDiagnostic(int line, int column, ScriptDiagnosticSeverity severity, string message)
    {
        Line = line;
        Column = column;
        Severity = severity;
        Message = message;
    }

    public int Line { get; }
    public int Column { get; }
    public ScriptDiagnosticSeverity Severity { get; }
    public string Message { get; }

    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
