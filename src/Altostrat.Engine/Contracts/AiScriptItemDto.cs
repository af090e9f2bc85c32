namespace Altostrat.Engine.Contracts;

public sealed class AiScriptItemDto
{
    public string Content { get; set; } = "";
    public string? Error { get; set; }
    public bool Destructive { get; set; }
}
