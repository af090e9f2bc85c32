using System;

namespace Altostrat.Engine.Sdx;

/// <summary>The checks the API makes on a community script submission, made before sending it.</summary>
public static class CommunityScriptUrls
{
    private const string Example = "such as https://github.com/owner/repo/blob/main/script.rsc";

    /// <summary>Why <paramref name="githubUrl"/> is not a .rsc file on GitHub; null when it is.</summary>
    public static string? GitHubUrlError(string githubUrl)
    {
        if (!Uri.TryCreate(githubUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return $"'{githubUrl}' is not an https URL; give the script's GitHub URL, {Example}.";
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var host = uri.Host.ToLowerInvariant();
        var onGitHub = (host == "github.com" && segments.Length >= 5 && segments[2] == "blob") ||
                       (host == "raw.githubusercontent.com" && segments.Length >= 4);
        if (!onGitHub) return $"'{githubUrl}' is not a file on GitHub; give the script's GitHub URL, {Example}.";
        if (!uri.AbsolutePath.EndsWith(".rsc", StringComparison.OrdinalIgnoreCase))
            return $"'{githubUrl}' is not a RouterOS script: the file name must end in .rsc.";
        return null;
    }

    public static string? ReadmeUrlError(string readmeUrl)
    {
        if (!Uri.TryCreate(readmeUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return $"'{readmeUrl}' is not an https URL; give the address of the script's README, such as https://github.com/owner/repo/blob/main/README.md.";
        return null;
    }
}
