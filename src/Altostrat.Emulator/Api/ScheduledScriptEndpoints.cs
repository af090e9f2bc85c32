using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>/scripts/scheduled: create, list, update, authorize, progress, cancel.</summary>
public static class ScheduledScriptEndpoints
{
    public const string EmulatorUser = "auth0|emulator0000000000000001";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/scripts/scheduled", context => List(context, state));
        app.MapPost("/scripts/scheduled", context => Create(context, state));
        app.MapPut("/scripts/scheduled/{id}", (HttpContext context, string id) => Update(context, state, id));
        app.MapGet("/scripts/scheduled/{id}/authorize", (string id) => Authorize(state, id));
        app.MapGet("/scripts/scheduled/{id}/progress", (HttpContext context, string id) => Progress(context, state, id));
        app.MapDelete("/scripts/scheduled/{id}", (HttpContext context, string id) => Cancel(context, state, id));
        // The older spellings from the public reference, kept so clients of either form work.
        app.MapGet("/scheduled/{id}/progress", (HttpContext context, string id) => Progress(context, state, id));
        app.MapDelete("/scheduled/{id}", (HttpContext context, string id) => Cancel(context, state, id));
    }

    private static async Task List(HttpContext context, EmulatorState state)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new System.Text.Json.Utf8JsonWriter(context.Response.Body, JsonResponses.WriterOptions);
        writer.WriteStartArray();
        var now = state.Now;
        var written = 0;
        foreach (var (record, progress) in state.Scripts.AllWithProgress())
        {
            ScheduledScriptJson.Write(writer, record, progress, now);
            // Flush in chunks so a long list streams to the client instead of building up in memory.
            if (++written % 200 == 0) await writer.FlushAsync(context.RequestAborted);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task Create(HttpContext context, EmulatorState state)
    {
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var now = state.Now;
        var record = new ScheduledScriptRecord
        {
            Id = Guid.NewGuid().ToString(),
            CreatedBy = EmulatorUser,
            MakeBackup = body.RequiredBool("make_backup"),
            AbortIfOffline = body.RequiredBool("abort_if_offline"),
            Description = body.RequiredString("description"),
            Script = body.RequiredString("script"),
            LaunchAt = body.OptionalTimestamp("launch_at") ?? throw new ApiErrorException(ApiError.Missing("launch_at")),
            Sites = body.RequiredStringArray("sites"),
            Notify = body.RequiredStringArray("notify"),
            TestSiteId = body.OptionalString("test_site_id"),
            Status = ScriptStatus.Unauthorized,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Validate(record, state, now);
        record.Summary = Summarize(record.Script);
        state.Scripts.Insert(record);
        await Respond(context, state, record, StatusCodes.Status201Created);
    }

    private static async Task Update(HttpContext context, EmulatorState state, string id)
    {
        var record = state.Scripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("scheduled script", id));
        if (record.Status is ScriptStatus.Launched or ScriptStatus.Cancelled)
            throw new ApiErrorException(ApiError.Conflict("script_not_editable", $"Scheduled script '{id}' is {record.Status} and can no longer be changed."));
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var now = state.Now;
        record.MakeBackup = body.OptionalBool("make_backup") ?? record.MakeBackup;
        record.AbortIfOffline = body.OptionalBool("abort_if_offline") ?? record.AbortIfOffline;
        if (body.Has("description")) record.Description = body.RequiredString("description");
        if (body.Has("script")) record.Script = body.RequiredString("script");
        record.LaunchAt = body.OptionalTimestamp("launch_at") ?? record.LaunchAt;
        record.Sites = body.OptionalStringArray("sites") ?? record.Sites;
        record.Notify = body.OptionalStringArray("notify") ?? record.Notify;
        if (body.Has("test_site_id")) record.TestSiteId = body.OptionalString("test_site_id");
        Validate(record, state, now);
        record.Summary = Summarize(record.Script);
        // Any change needs a fresh approval.
        record.Status = ScriptStatus.Unauthorized;
        record.AuthorizedAt = null;
        record.AuthorizationRequestedAt = null;
        record.UpdatedAt = now;
        state.Scripts.Update(record);
        await Respond(context, state, record, StatusCodes.Status200OK);
    }

    private static IResult Authorize(EmulatorState state, string id)
    {
        var record = state.Scripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("scheduled script", id));
        if (record.Status is ScriptStatus.Launched or ScriptStatus.Cancelled)
            throw new ApiErrorException(ApiError.Conflict("script_not_authorizable", $"Scheduled script '{id}' is {record.Status}; only an unauthorized script can be sent for authorization."));
        if (record.Status == ScriptStatus.Unauthorized)
        {
            record.AuthorizationRequestedAt = state.Now;
            record.UpdatedAt = state.Now;
            state.Scripts.Update(record);
        }
        return Results.Json(new { message = $"Authorization requested from {record.Notify.Count} recipient(s)." }, statusCode: StatusCodes.Status200OK);
    }

    private static Task Progress(HttpContext context, EmulatorState state, string id)
    {
        var record = state.Scripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("scheduled script", id));
        var progress = state.Scripts.Progress(record);
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer => ScheduledScriptJson.WriteProgress(writer, progress));
    }

    private static async Task Cancel(HttpContext context, EmulatorState state, string id)
    {
        var record = state.Scripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("scheduled script", id));
        if (record.Status == ScriptStatus.Launched)
            throw new ApiErrorException(ApiError.Conflict("script_already_launched", $"Scheduled script '{id}' has already launched and cannot be cancelled."));
        if (record.Status != ScriptStatus.Cancelled)
        {
            record.Status = ScriptStatus.Cancelled;
            record.CancelledAt = state.Now;
            record.UpdatedAt = state.Now;
            state.Scripts.Update(record);
        }
        await Respond(context, state, record, StatusCodes.Status200OK);
    }

    private static void Validate(ScheduledScriptRecord record, EmulatorState state, DateTimeOffset now)
    {
        if (record.LaunchAt <= now)
            throw new ApiErrorException(ApiError.Invalid("launch_at", $"{Timestamps.Write(record.LaunchAt)} is not in the future."));
        if (record.Sites.Count == 0)
            throw new ApiErrorException(ApiError.Invalid("sites", "at least one site is required."));
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in state.Sites.All()) known.Add(site.Id);
        foreach (var site in record.Sites)
            if (!known.Contains(site)) throw new ApiErrorException(ApiError.Invalid("sites", $"no site with id '{site}' exists."));
        // The reference's own update example names a test site outside the script's sites: only its existence counts.
        if (record.TestSiteId is { } testSite && !known.Contains(testSite))
            throw new ApiErrorException(ApiError.Invalid("test_site_id", $"no site with id '{testSite}' exists."));
    }

    /// <summary>The real API has an AI write the summary; the emulator says what it can see.</summary>
    private static string Summarize(string script)
    {
        var lines = script.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 1 ? $"Runs one RouterOS command: {lines[0]}" : $"Runs a RouterOS script of {lines.Length} lines.";
    }

    private static Task Respond(HttpContext context, EmulatorState state, ScheduledScriptRecord record, int status)
    {
        var progress = state.Scripts.Progress(record);
        var now = state.Now;
        return JsonResponses.WriteAsync(context, status, writer => ScheduledScriptJson.Write(writer, record, progress, now));
    }
}
