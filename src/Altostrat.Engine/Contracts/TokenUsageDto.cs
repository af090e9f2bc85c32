namespace Altostrat.Engine.Contracts;

public sealed class TokenUsageDto
{
    public int Prompt { get; set; }
    public int Completion { get; set; }
    public int Total { get; set; }
}
