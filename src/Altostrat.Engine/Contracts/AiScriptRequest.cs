namespace Altostrat.Engine.Contracts;

public sealed class AiScriptRequest
{
    public const int MaxPromptLength = 200;

    public string Prompt { get; set; } = "";
}
