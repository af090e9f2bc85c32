using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>
/// Script templates: create and read under <c>/scripts/templates</c>; list (paged <c>data/links/meta</c>) and update
/// under the older <c>/templates</c>, as the public reference shows them. Global templates are read-only.
/// </summary>
public static class TemplateEndpoints
{
    public const int MaxName = 100;
    public const int MaxDescription = 200;
    public const int MaxContent = 5000;
    private const int PerPage = 15;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/scripts/templates", (HttpContext context) => Create(context, state));
        app.MapGet("/scripts/templates/{id}", (HttpContext context, string id) => Get(context, state, id));
        app.MapGet("/templates", (HttpContext context) => List(context, state));
        app.MapPut("/templates/{id}", (HttpContext context, string id) => Update(context, state, id));
    }

    private static async Task Create(HttpContext context, EmulatorState state)
    {
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var (name, description, content, metadata) = ReadFields(body);
        var now = state.Now;
        var template = new TemplateRecord("tmpl_" + Guid.NewGuid().ToString("N"), name, description, content, metadata,
            ScheduledScriptEndpoints.EmulatorUser, false, now, now);
        state.Templates.Insert(template);
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, writer => Write(writer, template));
    }

    private static async Task Get(HttpContext context, EmulatorState state, string id)
    {
        var template = Visible(state, id);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => Write(writer, template));
    }

    private static async Task List(HttpContext context, EmulatorState state)
    {
        var type = context.Request.Query["type"].ToString();
        if (type.Length == 0) type = "public";
        if (type is not ("public" or "private"))
            throw new ApiErrorException(ApiError.Invalid("type", $"'{type}' is not one of: public, private."));
        var pageText = context.Request.Query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            throw new ApiErrorException(ApiError.Invalid("page", $"'{pageText}' is not a page number (1 or more)."));

        var (templates, total) = state.Templates.Page(type == "public", ScheduledScriptEndpoints.EmulatorUser, page, PerPage);
        var lastPage = Math.Max(1, (total + PerPage - 1) / PerPage);
        var path = $"{context.Request.Scheme}://{context.Request.Host}/templates";
        string PageUrl(int n) => $"{path}?type={type}&page={n}";
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var template in templates) Write(writer, template);
            writer.WriteEndArray();
            writer.WriteStartObject("links");
            writer.WriteString("first", PageUrl(1));
            writer.WriteString("last", PageUrl(lastPage));
            if (page > 1) writer.WriteString("prev", PageUrl(page - 1)); else writer.WriteNull("prev");
            if (page < lastPage) writer.WriteString("next", PageUrl(page + 1)); else writer.WriteNull("next");
            writer.WriteEndObject();
            writer.WriteStartObject("meta");
            writer.WriteNumber("current_page", page);
            var from = (page - 1) * PerPage + 1;
            if (templates.Count > 0) writer.WriteNumber("from", from); else writer.WriteNull("from");
            writer.WriteNumber("last_page", lastPage);
            writer.WriteString("path", path);
            writer.WriteNumber("per_page", PerPage);
            if (templates.Count > 0) writer.WriteNumber("to", from + templates.Count - 1); else writer.WriteNull("to");
            writer.WriteNumber("total", total);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static async Task Update(HttpContext context, EmulatorState state, string id)
    {
        var existing = Visible(state, id);
        if (existing.ReadOnly || existing.Author != ScheduledScriptEndpoints.EmulatorUser)
            throw new ApiErrorException(ApiError.Forbidden("template_read_only", $"Template '{id}' is read-only: only your own private templates can be changed."));
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var (name, description, content, metadata) = ReadFields(body);
        var updated = existing with { Name = name, Description = description, Content = content, MetadataJson = metadata, UpdatedAt = state.Now };
        state.Templates.Update(updated);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => Write(writer, updated));
    }

    /// <summary>A global template or one of the user's own; anything else does not exist for this user.</summary>
    private static TemplateRecord Visible(EmulatorState state, string id)
    {
        var template = state.Templates.Find(id);
        if (template is null || !(template.IsPublic || template.Author == ScheduledScriptEndpoints.EmulatorUser))
            throw new ApiErrorException(ApiError.NotFound("template", id));
        return template;
    }

    private static (string Name, string Description, string Content, string MetadataJson) ReadFields(RequestBody body)
    {
        var name = Limited(body.RequiredString("name"), "name", MaxName);
        var description = Limited(body.RequiredString("description"), "description", MaxDescription);
        var content = Limited(body.RequiredString("content"), "content", MaxContent);
        var metadata = body.OptionalObjectJson("metadata") ?? "{}";
        return (name, description, content, metadata);
    }

    private static string Limited(string value, string name, int max) =>
        value.Length <= max ? value : throw new ApiErrorException(ApiError.Invalid(name, $"it has {value.Length} characters; the most is {max}."));

    private static void Write(Utf8JsonWriter writer, TemplateRecord t)
    {
        writer.WriteStartObject();
        writer.WriteString("id", t.Id);
        writer.WriteString("name", t.Name);
        writer.WriteString("description", t.Description);
        writer.WriteString("content", t.Content);
        writer.WritePropertyName("metadata");
        writer.WriteRawValue(t.MetadataJson, skipInputValidation: true);
        writer.WriteStringOrNull("author", t.Author);
        writer.WriteBoolean("read_only", t.ReadOnly);
        writer.WriteString("created_at", Timestamps.Write(t.CreatedAt));
        writer.WriteString("updated_at", Timestamps.Write(t.UpdatedAt));
        writer.WriteEndObject();
    }
}
