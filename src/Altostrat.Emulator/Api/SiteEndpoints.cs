using System.Text.Json;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>Sites: /site-minimal, /sites/{id}, /sites/recent, and the jobs of a site.</summary>
public static class SiteEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/site-minimal", context => JsonResponses.WriteAsync(context, 200, writer => WriteSites(writer, state)));
        app.MapGet("/sites/recent", context => JsonResponses.WriteAsync(context, 200, writer => WriteSites(writer, state)));
        app.MapGet("/sites/{id}", (HttpContext context, string id) =>
        {
            var site = state.Sites.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("site", id));
            return JsonResponses.WriteAsync(context, 200, writer => WriteSite(writer, site));
        });
        app.MapGet("/site/{siteId}/job", (HttpContext context, string siteId) => ListJobs(context, state, siteId));
        app.MapDelete("/site/{siteId}/job/{jobId}", (string siteId, string jobId) => CancelJob(state, siteId, jobId));
    }

    private static void WriteSites(Utf8JsonWriter writer, EmulatorState state)
    {
        writer.WriteStartArray();
        foreach (var site in state.Sites.All()) WriteSite(writer, site);
        writer.WriteEndArray();
    }

    private static void WriteSite(Utf8JsonWriter writer, SiteRecord site)
    {
        writer.WriteStartObject();
        writer.WriteString("id", site.Id);
        writer.WriteString("name", site.Name);
        writer.WriteString("software_version", site.SoftwareVersion);
        writer.WriteString("serial_number", site.SerialNumber);
        writer.WriteString("model", site.Model);
        writer.WriteString("last_seen_at", Timestamps.Write(site.LastSeenAt));
        writer.WriteBoolean("has_pulse", site.HasPulse);
        writer.WriteEndObject();
    }

    private static Task ListJobs(HttpContext context, EmulatorState state, string siteId)
    {
        if (state.Sites.Find(siteId) is null) throw new ApiErrorException(ApiError.NotFound("site", siteId));
        var jobs = state.Jobs.ForSite(siteId);
        return JsonResponses.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartArray();
            foreach (var job in jobs)
            {
                writer.WriteStartObject();
                writer.WriteString("id", job.Id);
                writer.WriteString("site_id", job.SiteId);
                writer.WriteString("idempotency_key", job.IdempotencyKey);
                writer.WriteString("description", job.Description);
                writer.WriteBoolean("express_execute", job.ExpressExecute);
                writer.WriteBoolean("needs_acknowledgement", job.NeedsAcknowledgement);
                writer.WriteBoolean("should_backup", job.MakeBackup);
                writer.WriteStringOrNull("associated_backup", job.MakeBackup ? state.Backups.AssociatedWith(job.Id) : null);
                WriteTime(writer, "started_at", job.StartedAt);
                WriteTime(writer, "completed_at", job.CompletedAt);
                WriteTime(writer, "failed_at", job.FailedAt);
                writer.WriteString("created_at", Timestamps.Write(job.CreatedAt));
                writer.WriteNull("log_url");
                writer.WriteString("script", job.Script);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
    }

    private static IResult CancelJob(EmulatorState state, string siteId, string jobId)
    {
        if (state.Jobs.RemoveIfNotStarted(siteId, jobId, out var found)) return Results.NoContent();
        if (!found) throw new ApiErrorException(ApiError.NotFound("job", jobId));
        throw new ApiErrorException(ApiError.Conflict("job_already_started", $"Job '{jobId}' has already started and cannot be cancelled."));
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, System.DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, Timestamps.Write(v)); else writer.WriteNull(name);
    }
}
