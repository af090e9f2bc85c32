using Altostrat.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>
/// Emulator-only endpoints under /_emulator: what the real service does out of band (a person approving a
/// script from the link they were sent, a router going offline).
/// </summary>
public static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/_emulator/scripts/{id}/approve", (string id) =>
        {
            var record = state.Scripts.Find(id) ?? throw new ApiErrorException(ApiError.NotFound("scheduled script", id));
            if (record.Status != ScriptStatus.Unauthorized)
                throw new ApiErrorException(ApiError.Conflict("script_not_authorizable", $"Scheduled script '{id}' is {record.Status}, not unauthorized."));
            Workflow.WorkflowRunner.Approve(state, record);
            return Results.Ok(new { id, status = ScriptStatus.Scheduled });
        });
        app.MapPost("/_emulator/sites/{id}/pulse/{online}", (string id, bool online) =>
        {
            if (state.Sites.Find(id) is null) throw new ApiErrorException(ApiError.NotFound("site", id));
            state.Sites.SetPulse(id, online);
            return Results.Ok(new { id, has_pulse = online });
        });
    }
}
