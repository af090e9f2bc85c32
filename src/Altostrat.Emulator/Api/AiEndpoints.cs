using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Altostrat.Emulator.Ai;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Altostrat.Emulator.Api;

public static class AiEndpoints
{
    public const int MaxPromptLength = 200;

    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/scripts/gen-ai", Generate);

    private static async Task Generate(HttpContext context)
    {
        var body = RequestBody.Parse(await JsonResponses.ReadBodyAsync(context.Request));
        var prompt = body.RequiredString("prompt");
        if (prompt.Length > MaxPromptLength)
            throw new ApiErrorException(ApiError.Invalid("prompt", $"it is {prompt.Length} characters long; the limit is {MaxPromptLength}."));
        var script = ScriptGenerator.Generate(prompt);
        var promptTokens = ScriptGenerator.CountTokens(prompt);
        var completionTokens = ScriptGenerator.CountTokens(script.Content + script.Error);
        var responseId = "cmpl-emu-" + System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)))[..20].ToLowerInvariant();
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("response");
            writer.WriteStartObject();
            writer.WriteString("content", script.Content);
            writer.WriteStringOrNull("error", script.Error);
            writer.WriteBoolean("destructive", script.Destructive);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("tokenUsage");
            writer.WriteNumber("prompt", promptTokens);
            writer.WriteNumber("completion", completionTokens);
            writer.WriteNumber("total", promptTokens + completionTokens);
            writer.WriteEndObject();
            writer.WriteString("response_id", responseId);
            writer.WriteEndObject();
        });
    }
}
