namespace Altostrat.Engine.Contracts;

/// <summary>The body of every API error: {type, code, message, doc_url}.</summary>
public sealed class ApiErrorDto
{
    public string? Type { get; set; }
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? DocUrl { get; set; }
}
