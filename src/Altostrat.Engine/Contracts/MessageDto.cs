namespace Altostrat.Engine.Contracts;

/// <summary>A bare <c>{"message": "..."}</c> answer (POST /backup/{siteId}).</summary>
public sealed class MessageDto
{
    public string? Message { get; set; }
}
