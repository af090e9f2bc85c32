using System;

namespace Altostrat.Engine.Contracts;

/// <summary>A community script as /scripts/community-scripts/{id} returns it.</summary>
public sealed class CommunityScriptDto
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public long Size { get; set; }
    public string? ReadmeUrl { get; set; }
    public string? GithubUrl { get; set; }
    public string? RawUrl { get; set; }
    public string? Content { get; set; }
    public string? Sha { get; set; }
    public CommunityRepositoryDto? Repository { get; set; }
    public CommunityUserDto? User { get; set; }
}

public sealed class CommunityRepositoryDto
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public long Stars { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class CommunityUserDto
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Avatar { get; set; }
    public long Followers { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}
