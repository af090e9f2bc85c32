using System;

namespace Altostrat.Emulator.Storage;

/// <summary>
/// A community script: a RouterOS script published on GitHub. <see cref="Content"/> and <see cref="Sha"/> are null
/// for a submission the emulator has not fetched (it has no network).
/// </summary>
public sealed record CommunityScriptRecord(
    string Id,
    string Name,
    string? Description,
    string GithubUrl,
    string? ReadmeUrl,
    string RawUrl,
    string? Content,
    string? Sha,
    string RepositoryName,
    string RepositoryUrl,
    string UserName,
    string UserUrl,
    DateTimeOffset CreatedAt);
