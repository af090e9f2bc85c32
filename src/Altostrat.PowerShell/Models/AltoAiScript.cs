namespace Altostrat.PowerShell;

/// <summary>A script the SDX AI wrote for a prompt, with its own verdict on whether it is destructive.</summary>
public sealed class AltoAiScript
{
    public string Prompt { get; set; } = "";
    public string Script { get; set; } = "";
    public bool Destructive { get; set; }
    public string? Error { get; set; }
    public AltoTokenUsage? TokenUsage { get; set; }
    public string? ResponseId { get; set; }

    public override string ToString() => Script;
}
