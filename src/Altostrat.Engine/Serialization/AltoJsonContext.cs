using System.Collections.Generic;
using System.Text.Json.Serialization;
using Altostrat.Engine.Contracts;

namespace Altostrat.Engine.Serialization;

/// <summary>Source-generated serialization for every wire type: no reflection, fast start-up, snake_case names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = new[] { typeof(ApiTimestampConverter) })]
[JsonSerializable(typeof(ScheduledScriptDto))]
[JsonSerializable(typeof(List<ScheduledScriptDto>))]
[JsonSerializable(typeof(ScheduledScriptWriteRequest))]
[JsonSerializable(typeof(ScriptProgressDto))]
[JsonSerializable(typeof(AiScriptRequest))]
[JsonSerializable(typeof(AiScriptResponseDto))]
[JsonSerializable(typeof(AsyncJobRequest))]
[JsonSerializable(typeof(AsyncJobResponseDto))]
[JsonSerializable(typeof(SiteDto))]
[JsonSerializable(typeof(List<SiteDto>))]
[JsonSerializable(typeof(ApiErrorDto))]
[JsonSerializable(typeof(TemplateDto))]
[JsonSerializable(typeof(TemplatePageDto))]
[JsonSerializable(typeof(CommunityScriptDto))]
[JsonSerializable(typeof(CommunityScriptSubmitRequest))]
[JsonSerializable(typeof(SiteJobDto))]
[JsonSerializable(typeof(SynchronousCommandRequest))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(BackupDto))]
[JsonSerializable(typeof(MessageDto))]
public sealed partial class AltoJsonContext : JsonSerializerContext
{
}
