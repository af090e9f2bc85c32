using System;

namespace Altostrat.Emulator.Api;

/// <summary>
/// A <c>.rsc</c> file on GitHub, from either its page URL (<c>github.com/{owner}/{repo}/blob/{ref}/{path}</c>) or its raw URL
/// (<c>raw.githubusercontent.com/{owner}/{repo}/{ref}/{path}</c>), with both forms worked out.
/// </summary>
public sealed record GithubFile(string Owner, string Repository, string Ref, string Path)
{
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string BlobUrl => $"https://github.com/{Owner}/{Repository}/blob/{Ref}/{Path}";
    public string RawUrl => $"https://raw.githubusercontent.com/{Owner}/{Repository}/{Ref}/{Path}";

    public static GithubFile Parse(string url)
    {
        const string Example = "such as https://github.com/owner/repo/blob/main/script.rsc";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw new ApiErrorException(ApiError.Invalid("github_url", $"'{url}' is not an https URL; give the script's GitHub URL, {Example}."));
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        GithubFile? file = uri.Host.ToLowerInvariant() switch
        {
            "github.com" when segments.Length >= 5 && segments[2] == "blob" =>
                new GithubFile(segments[0], segments[1], segments[3], string.Join('/', segments[4..])),
            "raw.githubusercontent.com" when segments.Length >= 4 =>
                new GithubFile(segments[0], segments[1], segments[2], string.Join('/', segments[3..])),
            _ => null,
        };
        if (file is null)
            throw new ApiErrorException(ApiError.Invalid("github_url", $"'{url}' is not a file on GitHub; give the script's GitHub URL, {Example}."));
        if (!file.Path.EndsWith(".rsc", StringComparison.OrdinalIgnoreCase))
            throw new ApiErrorException(ApiError.Invalid("github_url", $"'{url}' is not a RouterOS script: the file name must end in .rsc."));
        return file;
    }
}
