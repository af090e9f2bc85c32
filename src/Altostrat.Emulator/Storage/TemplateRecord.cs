using System;

namespace Altostrat.Emulator.Storage;

/// <summary>A script template. Global (public) templates have no author and are read-only; a user's own are private.</summary>
public sealed record TemplateRecord(
    string Id,
    string Name,
    string Description,
    string Content,
    string MetadataJson,
    string? Author,
    bool ReadOnly,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsPublic => Author is null;
}
