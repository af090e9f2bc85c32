namespace Altostrat.PowerShell;

/// <summary>
/// A script the SDX AI wrote for a prompt. It is destructive when the service says so or the module's own analyzer
/// does; both verdicts are kept, with the analysis behind the second.
/// </summary>
public sealed class AltoAiScript
{
    public string Prompt { get; set; } = "";
    public string Script { get; set; } = "";

    /// <summary>True when the service or the analyzer marks the script destructive.</summary>
    public bool Destructive => DestructiveByService || DestructiveByAnalyzer;

    /// <summary>The service's own verdict (the API's <c>destructive</c>).</summary>
    public bool DestructiveByService { get; set; }

    /// <summary>The verdict of Test-AltoRouterScript's analyzer.</summary>
    public bool DestructiveByAnalyzer { get; set; }

    public AltoScriptAnalysis? Analysis { get; set; }
    public string? Error { get; set; }
    public AltoTokenUsage? TokenUsage { get; set; }
    public string? ResponseId { get; set; }

    public override string ToString() => Script;
}
