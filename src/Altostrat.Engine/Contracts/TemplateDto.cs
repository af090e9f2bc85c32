using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Altostrat.Engine.Serialization;

namespace Altostrat.Engine.Contracts;

/// <summary>A script template as /scripts/templates returns it. Global templates have no author and are read-only.</summary>
public sealed class TemplateDto
{
    public const int MaxName = 100;
    public const int MaxDescription = 200;
    public const int MaxContent = 5000;

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Content { get; set; } = "";
    public JsonElement Metadata { get; set; }
    public string? Author { get; set; }
    public bool ReadOnly { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The metadata as plain values (string, bool, long, double, null, lists and string-keyed dictionaries).</summary>
    public Dictionary<string, object?> MetadataValues() => PlainJson.ToDictionary(Metadata);

    [JsonIgnore]
    public bool IsGlobal => Author is null;
}
