using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Serialization;

namespace Altostrat.Engine.Http;

/// <summary>
/// The typed client of the SDX API: one method per endpoint. Results that can be long (lists) are handed to a
/// callback as each element is parsed, so the caller can emit them while the rest is still arriving.
/// </summary>
public sealed class AltoApiClient
{
    private readonly HttpClient _http;

    public AltoApiClient(HttpClient http) => _http = http;

    public Task ListScheduledScriptsAsync(Action<ScheduledScriptDto> onScript, CancellationToken cancellationToken) =>
        StreamArrayAsync("scripts/scheduled", AltoJsonContext.Default.ScheduledScriptDto, script => { onScript(script); return true; }, cancellationToken);

    /// <summary>The API has no GET by id: the list is scanned and the scan stops at the match.</summary>
    public async Task<ScheduledScriptDto?> FindScheduledScriptAsync(string id, CancellationToken cancellationToken) =>
        (await FindScheduledScriptsAsync(new[] { id }, cancellationToken).ConfigureAwait(false)).TryGetValue(id, out var script) ? script : null;

    /// <summary>
    /// Several scripts in one scan of the list, which stops once all are found; an id that does not exist is absent
    /// from the result. For callers that follow many scripts, one scan a round instead of one per script.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ScheduledScriptDto>> FindScheduledScriptsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        var found = new Dictionary<string, ScheduledScriptDto>(StringComparer.Ordinal);
        if (wanted.Count == 0) return found;
        await StreamArrayAsync("scripts/scheduled", AltoJsonContext.Default.ScheduledScriptDto, script =>
        {
            if (wanted.Contains(script.Id)) found[script.Id] = script;
            return found.Count < wanted.Count;
        }, cancellationToken).ConfigureAwait(false);
        return found;
    }

    public Task<ScheduledScriptDto> CreateScheduledScriptAsync(ScheduledScriptWriteRequest body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, "scripts/scheduled", body, AltoJsonContext.Default.ScheduledScriptWriteRequest, AltoJsonContext.Default.ScheduledScriptDto, null, cancellationToken);

    public Task<ScheduledScriptDto> UpdateScheduledScriptAsync(string id, ScheduledScriptWriteRequest body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Put, "scripts/scheduled/" + Escape(id), body, AltoJsonContext.Default.ScheduledScriptWriteRequest, AltoJsonContext.Default.ScheduledScriptDto, null, cancellationToken);

    /// <summary>Starts the authorization workflow: approval links go to the script's notify users.</summary>
    public async Task RequestAuthorizationAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "scripts/scheduled/" + Escape(id) + "/authorize");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task CancelScheduledScriptAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "scripts/scheduled/" + Escape(id));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScriptProgressDto> GetProgressAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "scripts/scheduled/" + Escape(id) + "/progress");
        return await ReadAsync(request, AltoJsonContext.Default.ScriptProgressDto, cancellationToken).ConfigureAwait(false);
    }

    public Task<AiScriptResponseDto> GenerateScriptAsync(string prompt, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, "scripts/gen-ai", new AiScriptRequest { Prompt = prompt }, AltoJsonContext.Default.AiScriptRequest, AltoJsonContext.Default.AiScriptResponseDto, null, cancellationToken);

    /// <summary>
    /// Queues a script on a site. The caller generates <paramref name="idempotencyKey"/> once per site: it is sent
    /// on every attempt, so a retry after a lost response cannot queue the job twice.
    /// </summary>
    public Task<AsyncJobResponseDto> QueueAsyncJobAsync(string siteId, AsyncJobRequest body, string idempotencyKey, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, "api/asynchronous/" + Escape(siteId), body, AltoJsonContext.Default.AsyncJobRequest, AltoJsonContext.Default.AsyncJobResponseDto, idempotencyKey, cancellationToken);

    public Task ListSitesAsync(Action<SiteDto> onSite, CancellationToken cancellationToken) =>
        StreamArrayAsync("site-minimal", AltoJsonContext.Default.SiteDto, site => { onSite(site); return true; }, cancellationToken);

    public async Task<SiteDto> GetSiteAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "sites/" + Escape(id));
        return await ReadAsync(request, AltoJsonContext.Default.SiteDto, cancellationToken).ConfigureAwait(false);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>Hands each element of a JSON array response to <paramref name="onItem"/> as it is parsed; false from it stops reading.</summary>
    private async Task StreamArrayAsync<T>(string path, JsonTypeInfo<T> typeInfo, Func<T, bool> onItem, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        try
        {
            await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, cancellationToken).ConfigureAwait(false))
            {
                if (item is not null && !onItem(item)) return;
            }
        }
        catch (JsonException ex)
        {
            throw InvalidBody(request, response, ex);
        }
    }

    private async Task<TResponse> SendJsonAsync<TRequest, TResponse>(HttpMethod method, string path, TRequest body,
        JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestInfo)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation(RetryHandler.IdempotencyKeyHeader, idempotencyKey);
        return await ReadAsync(request, responseInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw InvalidBody(request, response, ex);
        }
        return value ?? throw new AltoInvalidResponseException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} with an empty body.");
    }

    private static AltoInvalidResponseException InvalidBody(HttpRequestMessage request, HttpResponseMessage response, JsonException ex) =>
        new($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} with a body that is not what the API documents: {ex.Message}", ex);

    /// <summary>Sends and returns a successful response, or throws <see cref="AltoApiException"/> with the API's error fields.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var error = await TryReadErrorAsync(response).ConfigureAwait(false);
            throw new AltoApiException(response.StatusCode, request.Method.Method, request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : "/" + request.RequestUri,
                error?.Type, error?.Code, error?.Message, error?.DocUrl);
        }
    }

    private static async Task<ApiErrorDto?> TryReadErrorAsync(HttpResponseMessage response)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (bytes.Length == 0) return null;
            return JsonSerializer.Deserialize(bytes, AltoJsonContext.Default.ApiErrorDto);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a truncated body: the status alone describes the error.
            return null;
        }
    }
}
