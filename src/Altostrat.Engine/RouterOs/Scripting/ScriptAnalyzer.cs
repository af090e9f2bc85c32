namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// Checks a RouterOS script offline: syntax diagnostics with line and column, and every command with its risk and
/// the reason. Never throws on any input, and takes time linear in the script's length.
/// </summary>
public static class ScriptAnalyzer
{
    public static ScriptAnalysis Analyze(string? script) => new ScriptParser(script ?? "").Parse();
}
