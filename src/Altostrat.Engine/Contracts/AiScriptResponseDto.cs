using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Altostrat.Engine.Contracts;

public sealed class AiScriptResponseDto
{
    public List<AiScriptItemDto> Response { get; set; } = new();

    // The one camelCase name in the API.
    [JsonPropertyName("tokenUsage")]
    public TokenUsageDto? TokenUsage { get; set; }

    public string? ResponseId { get; set; }
}
