using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Altostrat.Emulator.Api;

/// <summary>What every request goes through: optional latency, recording, the bearer token check, and API errors as ErrorResponse bodies.</summary>
public sealed class ApiMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EmulatorState _state;
    private readonly ConcurrentQueue<RecordedRequest> _recorded;

    public ApiMiddleware(RequestDelegate next, EmulatorState state, ConcurrentQueue<RecordedRequest> recorded)
    {
        _next = next;
        _state = state;
        _recorded = recorded;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_state.Options.Latency > TimeSpan.Zero) await Task.Delay(_state.Options.Latency, context.RequestAborted);
        if (_state.Options.RecordRequests) await RecordAsync(context);

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + _state.Options.Token)
        {
            await ApiError.Unauthenticated.ToResult().ExecuteAsync(context);
            return;
        }

        try
        {
            await _next(context);
        }
        catch (ApiErrorException ex) when (!context.Response.HasStarted)
        {
            await ex.Error.ToResult().ExecuteAsync(context);
        }
    }

    private async Task RecordAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;
        var key = context.Request.Headers[AsyncJobEndpoints.IdempotencyKeyHeader].ToString();
        _recorded.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", key.Length == 0 ? null : key, body));
    }
}
