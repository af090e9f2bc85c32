using System;
using System.Threading.Tasks;
using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>POST /api/asynchronous/{siteId}: queue a script on one site, at most once per Idempotency-Key.</summary>
public static class AsyncJobEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state) =>
        app.MapPost("/api/asynchronous/{siteId}", (HttpContext context, string siteId) => Queue(context, state, siteId));

    private static async Task Queue(HttpContext context, EmulatorState state, string siteId)
    {
        if (state.Sites.Find(siteId) is null) throw new ApiErrorException(ApiError.NotFound("site", siteId));
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var description = body.RequiredString("description", p => ApiError.BadRequest(p, "it is required."));
        var script = body.RequiredString("script", p => ApiError.BadRequest(p, "it is required."));
        var notifyUrl = body.OptionalHttpsUrl("notify_url", ApiError.BadRequest);
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key)) key = Guid.NewGuid().ToString();
        var (job, _) = state.Jobs.AddOnce(new JobRecord(
            Guid.NewGuid().ToString(), siteId, key, Guid.NewGuid().ToString(), description, script,
            body.OptionalBool("make_backup") ?? false, body.OptionalBool("express_execute") ?? false,
            body.OptionalBool("needs_acknowledgement") ?? false, notifyUrl, state.Now, null, null, null));
        await JsonResponses.WriteAsync(context, StatusCodes.Status202Accepted, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "success");
            writer.WriteStartObject("data");
            writer.WriteString("idempotency_key", job.IdempotencyKey);
            writer.WriteString("request_id", job.RequestId);
            writer.WriteString("target", job.SiteId);
            writer.WriteStringOrNull("notify_url", job.NotifyUrl);
            writer.WriteString("date", job.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
