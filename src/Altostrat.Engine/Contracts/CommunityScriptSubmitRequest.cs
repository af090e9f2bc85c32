namespace Altostrat.Engine.Contracts;

/// <summary>The body of POST /scripts/community-scripts.</summary>
public sealed class CommunityScriptSubmitRequest
{
    public string GithubUrl { get; set; } = "";
    public string ReadmeUrl { get; set; } = "";
}
