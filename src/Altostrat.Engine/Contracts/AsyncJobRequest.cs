using System.Text.Json.Serialization;

namespace Altostrat.Engine.Contracts;

/// <summary>The body of POST /api/asynchronous/{siteId}.</summary>
public sealed class AsyncJobRequest
{
    public string Description { get; set; } = "";
    public string Script { get; set; } = "";
    public bool MakeBackup { get; set; }
    public bool ExpressExecute { get; set; }
    public bool NeedsAcknowledgement { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NotifyUrl { get; set; }
}
