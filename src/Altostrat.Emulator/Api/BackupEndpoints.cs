using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Altostrat.Engine.Backups;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>
/// Configuration backups, at the current paths (<c>/backup/{siteId}</c>, <c>/backup/{siteId}/{filename}</c>) and the
/// older ones (<c>/sites/{siteId}/backups...</c>): list newest first, request a new one (made asynchronously from the
/// site's router), read one with its export text (<c>X-View</c>, <c>X-Highlight</c>, <c>X-Download</c>), a unified
/// diff of two, and the latest of up to 50 sites at once.
/// </summary>
public static class BackupEndpoints
{
    public const int MaxLatestSites = 50;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        foreach (var prefix in new[] { "/backup/{siteId}", "/sites/{siteId}/backups" })
        {
            app.MapGet(prefix, (HttpContext context, string siteId) => List(context, state, siteId));
            app.MapPost(prefix, (HttpContext context, string siteId) => Request(context, state, siteId));
            app.MapGet(prefix + "/{filename}", (HttpContext context, string siteId, string filename) => Get(context, state, siteId, filename));
        }
        app.MapGet("/sites/{siteId}/backups/{fromFilename}/diff/{toFilename}",
            (HttpContext context, string siteId, string fromFilename, string toFilename) => Diff(context, state, siteId, fromFilename, toFilename));
        app.MapPost("/backups/latest", (HttpContext context) => Latest(context, state));
    }

    private static SiteRecord Site(EmulatorState state, string siteId) =>
        state.Sites.Find(siteId) ?? throw new ApiErrorException(ApiError.NotFound("site", siteId));

    private static BackupRecord Backup(EmulatorState state, string siteId, string filename) =>
        state.Backups.Find(siteId, filename) ?? throw new ApiErrorException(ApiError.NotFound("backup", filename));

    private static Task List(HttpContext context, EmulatorState state, string siteId)
    {
        Site(state, siteId);
        var backups = state.Backups.List(siteId);
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var (filename, createdAt, size) in backups) WriteFields(writer, filename, createdAt, size);
            writer.WriteEndArray();
        });
    }

    private static Task Request(HttpContext context, EmulatorState state, string siteId)
    {
        var site = Site(state, siteId);
        if (!site.HasPulse)
            throw new ApiErrorException(ApiError.Conflict("site_offline", $"Site '{siteId}' is offline: it has no pulse, so it cannot make a backup."));
        state.Backups.Request(siteId, state.Now);
        return JsonResponses.WriteAsync(context, StatusCodes.Status202Accepted, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", "Backup requested");
            writer.WriteEndObject();
        });
    }

    private static async Task Get(HttpContext context, EmulatorState state, string siteId, string filename)
    {
        Site(state, siteId);
        var backup = Backup(state, siteId, filename);
        if (await WriteTextVariantAsync(context, backup.Filename, backup.Content)) return;
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            WriteProperties(writer, backup.Filename, backup.CreatedAt, Encoding.UTF8.GetByteCount(backup.Content));
            writer.WriteString("content", backup.Content);
            writer.WriteEndObject();
        });
    }

    private static async Task Diff(HttpContext context, EmulatorState state, string siteId, string fromFilename, string toFilename)
    {
        Site(state, siteId);
        var from = Backup(state, siteId, fromFilename);
        var to = Backup(state, siteId, toFilename);
        // The service's diff is a plain one of the two files: header lines included.
        var diff = ExportDiff.Unified(from.Content, to.Content, from.Filename, to.Filename, ignoreNoise: false);
        if (await WriteTextVariantAsync(context, $"{Path(fromFilename)}-{Path(toFilename)}.diff", diff)) return;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(diff, context.RequestAborted);
    }

    private static string Path(string filename) => System.IO.Path.GetFileNameWithoutExtension(filename);

    private static async Task Latest(HttpContext context, EmulatorState state)
    {
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var sites = body.RequiredStringArray("sites");
        if (sites.Count is < 1 or > MaxLatestSites)
            throw new ApiErrorException(ApiError.Invalid("sites", $"it has {sites.Count} ids; give 1 to {MaxLatestSites}."));
        var successful = 0;
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("results");
            var errors = new System.Collections.Generic.List<(string Site, string Message)>();
            foreach (var siteId in sites)
            {
                var backup = state.Sites.Find(siteId) is null ? null : state.Backups.Latest(siteId);
                if (backup is null) { errors.Add((siteId, state.Sites.Find(siteId) is null ? "No such site." : "The site has no backup.")); continue; }
                successful++;
                writer.WriteStartObject(siteId);
                WriteProperties(writer, backup.Filename, backup.CreatedAt, Encoding.UTF8.GetByteCount(backup.Content));
                writer.WriteString("content", backup.Content);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteNumber("total_sites", sites.Count);
            writer.WriteNumber("successful", successful);
            writer.WriteStartObject("errors");
            foreach (var (site, message) in errors) writer.WriteString(site, message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>The X-View (raw text), X-Highlight (HTML fragment) and X-Download (attachment) forms; false for none.</summary>
    private static async Task<bool> WriteTextVariantAsync(HttpContext context, string filename, string text)
    {
        var headers = context.Request.Headers;
        bool On(string name) => string.Equals(headers[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        if (On("X-Highlight"))
        {
            var html = new StringBuilder("<pre class=\"routeros\">");
            foreach (var line in text.Split('\n'))
            {
                var css = line.StartsWith('#') ? "comment" : line.StartsWith('/') ? "menu" : line.StartsWith('+') ? "added" : line.StartsWith('-') ? "removed" : null;
                var encoded = WebUtility.HtmlEncode(line);
                html.Append(css is null ? encoded : $"<span class=\"{css}\">{encoded}</span>").Append('\n');
            }
            html.Append("</pre>");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
            return true;
        }
        if (On("X-Download") || On("X-View"))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            if (On("X-Download")) context.Response.Headers.ContentDisposition = $"attachment; filename=\"{filename}\"";
            await context.Response.WriteAsync(text, context.RequestAborted);
            return true;
        }
        return false;
    }

    private static void WriteFields(Utf8JsonWriter writer, string filename, DateTimeOffset createdAt, long size)
    {
        writer.WriteStartObject();
        WriteProperties(writer, filename, createdAt, size);
        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, string filename, DateTimeOffset createdAt, long size)
    {
        writer.WriteString("filename", filename);
        writer.WriteString("size", BackupStore.FormatSize(size));
        writer.WriteString("date", createdAt.UtcDateTime.ToString("MMM d, yyyy", CultureInfo.InvariantCulture));
        writer.WriteString("time", createdAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.WriteString("created_at", Timestamps.Write(createdAt));
    }
}
