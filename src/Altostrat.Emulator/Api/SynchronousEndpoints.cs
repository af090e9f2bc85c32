using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Scripting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

/// <summary>
/// Synchronous commands: one read-only RouterOS command on a site's router, answered at once with the reply rows.
/// <c>{command: "/ip/address/print", parameters: ["=name=value", "?query"]}</c>, at <c>/api/synchronous/{siteId}</c> and
/// at the older <c>/sites/{siteId}/commands/synchronous</c>. The command really runs on the site's simulated router.
/// </summary>
public static class SynchronousEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost("/api/synchronous/{siteId}", (HttpContext context, string siteId) => Run(context, state, siteId));
        app.MapPost("/sites/{siteId}/commands/synchronous", (HttpContext context, string siteId) => Run(context, state, siteId));
    }

    private static async Task Run(HttpContext context, EmulatorState state, string siteId)
    {
        var site = state.Sites.Find(siteId) ?? throw new ApiErrorException(ApiError.NotFound("site", siteId));
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var command = Build(body.RequiredString("command"), body.OptionalStringArray("parameters") ?? new List<string>());
        if (!site.HasPulse || state.Routers is null)
            throw new ApiErrorException(ApiError.Conflict("site_offline", $"Site '{siteId}' is offline: it has no pulse, so it cannot answer a synchronous command."));

        RouterReply? reply;
        try
        {
            reply = await state.Routers.ExecuteAsync(siteId, command, context.RequestAborted);
        }
        catch (RouterTrapException trap)
        {
            throw new ApiErrorException(ApiError.Conflict("command_failed", $"The router refused {trap.CommandPath}: {trap.RouterMessage}"));
        }
        catch (RouterException ex)
        {
            throw new ApiErrorException(ApiError.Conflict("site_unreachable", $"Site '{siteId}' did not answer: {ex.Message}"));
        }
        if (reply is null)
            throw new ApiErrorException(ApiError.Conflict("site_offline", $"Site '{siteId}' has no router to answer."));

        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var row in reply.Rows)
            {
                writer.WriteStartObject();
                foreach (var attribute in row.Attributes) writer.WriteString(attribute.Key, attribute.Value);
                writer.WriteEndObject();
            }
            // The raw reply's !done carries a get's value (=ret=): it is the last row, as {"ret": ...}.
            if (reply.Ret is not null)
            {
                writer.WriteStartObject();
                writer.WriteString("ret", reply.Ret);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
    }

    private static RouterCommand Build(string commandText, IReadOnlyList<string> parameters)
    {
        RouterCommand command;
        try
        {
            command = new RouterCommand(commandText);
            foreach (var parameter in parameters)
            {
                if (parameter.StartsWith('?')) { command.Where(parameter); continue; }
                var text = parameter.TrimStart('=');
                var equals = text.IndexOf('=');
                if (equals <= 0)
                    throw new ApiErrorException(ApiError.Invalid("parameters", $"'{parameter}' is neither '=name=value' nor a '?query'."));
                command.With(text[..equals], text[(equals + 1)..]);
            }
        }
        catch (ArgumentException ex)
        {
            throw new ApiErrorException(ApiError.Invalid("command", ex.Message));
        }
        // What the API allows here: commands that read (the engine's one definition). Anything that changes the
        // router goes through a job or a schedule.
        if (!RouterOsCommands.IsReadOnly(command.Path))
            throw new ApiErrorException(ApiError.Invalid("command",
                $"'{command.Path}' changes the router; synchronous commands only read. Queue a job for changes."));
        // Narrower than read-only: the endpoint answers once, so a command that streams until cancelled cannot run here.
        if (RouterOsCommands.RunsUntilCancelled(command.Path))
            throw new ApiErrorException(ApiError.Invalid("command",
                $"'{command.Path}' keeps answering until it is cancelled; a synchronous command must finish. Use a print or get."));
        return command;
    }
}
