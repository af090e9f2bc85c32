using System;

namespace Altostrat.PowerShell;

/// <summary>
/// A community script: a RouterOS script published on GitHub, with its repository and author. <see cref="Script"/>
/// is its content, so it pipes into the script cmdlets as a template does (null until the service has fetched it).
/// </summary>
public sealed class AltoCommunityScript
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public long Size { get; set; }
    public string? Content { get; set; }

    /// <summary>The content, as the script cmdlets take it from the pipeline.</summary>
    public string? Script => Content;

    public Uri? GitHubUrl { get; set; }
    public Uri? RawUrl { get; set; }
    public Uri? ReadmeUrl { get; set; }
    public string? Sha { get; set; }
    public string? Repository { get; set; }
    public Uri? RepositoryUrl { get; set; }
    public long Stars { get; set; }
    public string? Author { get; set; }
    public Uri? AuthorUrl { get; set; }
    public long AuthorFollowers { get; set; }

    public override string ToString() => Id;
}
