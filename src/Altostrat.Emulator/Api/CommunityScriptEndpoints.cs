using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>
/// Community scripts: read one by id, or submit a raw <c>.rsc</c> on GitHub with its README. The emulator has no
/// network, so a submission is stored with its GitHub coordinates and no content yet.
/// </summary>
public static class CommunityScriptEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/scripts/community-scripts/{id}", (HttpContext context, string id) => Get(context, state, id));
        app.MapPost("/scripts/community-scripts", (HttpContext context) => Submit(context, state));
    }

    private static async Task Get(HttpContext context, EmulatorState state, string id)
    {
        var script = state.CommunityScripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("community script", id));
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => Write(writer, script));
    }

    private static async Task Submit(HttpContext context, EmulatorState state)
    {
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var location = GithubFile.Parse(body.RequiredString("github_url"));
        var readmeUrl = body.OptionalHttpsUrl("readme_url");
        if (state.CommunityScripts.FindByGithubUrl(location.BlobUrl) is { } existing)
            throw new ApiErrorException(ApiError.Conflict("community_script_exists", $"'{location.BlobUrl}' was already submitted as '{existing.Id}'."));

        var script = new CommunityScriptRecord("cs_" + Guid.NewGuid().ToString("N"), location.Name, null, location.BlobUrl, readmeUrl, location.RawUrl,
            null, null, location.Repository, $"https://github.com/{location.Owner}/{location.Repository}", location.Owner, $"https://github.com/{location.Owner}", state.Now);
        state.CommunityScripts.Insert(script);
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, writer => Write(writer, script));
    }

    private static void Write(Utf8JsonWriter writer, CommunityScriptRecord s)
    {
        writer.WriteStartObject();
        writer.WriteString("id", s.Id);
        writer.WriteString("name", s.Name);
        writer.WriteStringOrNull("description", s.Description);
        writer.WriteNumber("size", s.Content is null ? 0 : Encoding.UTF8.GetByteCount(s.Content));
        writer.WriteStringOrNull("readme_url", s.ReadmeUrl);
        writer.WriteString("github_url", s.GithubUrl);
        writer.WriteString("raw_url", s.RawUrl);
        writer.WriteStringOrNull("content", s.Content);
        writer.WriteStringOrNull("sha", s.Sha);
        writer.WriteStartObject("repository");
        writer.WriteString("name", s.RepositoryName);
        writer.WriteString("url", s.RepositoryUrl);
        writer.WriteNumber("stars", 0);
        writer.WriteString("created_at", Timestamps.Write(s.CreatedAt));
        writer.WriteEndObject();
        writer.WriteStartObject("user");
        writer.WriteString("name", s.UserName);
        writer.WriteString("url", s.UserUrl);
        writer.WriteString("avatar", s.UserUrl + ".png");
        writer.WriteNumber("followers", 0);
        writer.WriteString("created_at", Timestamps.Write(s.CreatedAt));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
