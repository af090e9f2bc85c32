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

    // Backups and exports are the largest single answers, megabytes at most; lists are streamed item by item.
    public const long DefaultMaxResponseBytes = 256L * 1024 * 1024;
    private const long MaxErrorBytes = 1024 * 1024;
    private readonly long _maxResponseBytes;

    /// <param name="maxResponseBytes">The largest single-object answer read (lists are streamed and not bounded).</param>
    public AltoApiClient(HttpClient http, long maxResponseBytes = DefaultMaxResponseBytes)
    {
        _http = http;
        _maxResponseBytes = maxResponseBytes;
    }

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

    // ---- Templates ----

    public async Task<TemplateDto> GetTemplateAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "scripts/templates/" + Escape(id));
        return await ReadAsync(request, AltoJsonContext.Default.TemplateDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The public (global) or private (own) templates, following the older paged list's <c>links.next</c> to the last
    /// page; each template is handed to <paramref name="onTemplate"/> as its page arrives.
    /// </summary>
    public async Task ListTemplatesAsync(bool publicTemplates, Action<TemplateDto> onTemplate, CancellationToken cancellationToken)
    {
        string? next = "templates?type=" + (publicTemplates ? "public" : "private");
        var pages = 0;
        while (next is not null)
        {
            // A server that keeps answering with a next link would otherwise loop for ever.
            if (++pages > 10_000) throw new InvalidDataException("The template list has more than 10,000 pages; stopped following links.next.");
            using var request = new HttpRequestMessage(HttpMethod.Get, SameServer(next));
            var page = await ReadAsync(request, AltoJsonContext.Default.TemplatePageDto, cancellationToken).ConfigureAwait(false);
            foreach (var template in page.Data) onTemplate(template);
            next = string.IsNullOrEmpty(page.Links?.Next) || page.Data.Count == 0 ? null : page.Links!.Next;
        }
    }

    // Every request carries the token: a link the API hands back is followed only to the API itself, never to
    // another scheme, host or port that an answer names.
    private Uri SameServer(string link)
    {
        var api = _http.BaseAddress;
        var target = api is null ? new Uri(link, UriKind.RelativeOrAbsolute) : new Uri(api, link);
        if (api is not null && target.IsAbsoluteUri && Uri.Compare(api, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new InvalidDataException($"The API's next page is on another server ({target.GetLeftPart(UriPartial.Authority)}, not {api.GetLeftPart(UriPartial.Authority)}); it was not followed, so that the token is sent to no one else.");
        return target;
    }

    public Task<TemplateDto> CreateTemplateAsync(TemplateWriteRequest body, CancellationToken cancellationToken) =>
        SendBytesAsync(HttpMethod.Post, "scripts/templates", PlainJson.Serialize(body), AltoJsonContext.Default.TemplateDto, cancellationToken);

    /// <summary>PUT /templates/{id} (the older form; only the user's own private templates).</summary>
    public Task<TemplateDto> UpdateTemplateAsync(string id, TemplateWriteRequest body, CancellationToken cancellationToken) =>
        SendBytesAsync(HttpMethod.Put, "templates/" + Escape(id), PlainJson.Serialize(body), AltoJsonContext.Default.TemplateDto, cancellationToken);

    // ---- Community scripts ----

    public async Task<CommunityScriptDto> GetCommunityScriptAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "scripts/community-scripts/" + Escape(id));
        return await ReadAsync(request, AltoJsonContext.Default.CommunityScriptDto, cancellationToken).ConfigureAwait(false);
    }

    public Task<CommunityScriptDto> SubmitCommunityScriptAsync(CommunityScriptSubmitRequest body, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Post, "scripts/community-scripts", body, AltoJsonContext.Default.CommunityScriptSubmitRequest, AltoJsonContext.Default.CommunityScriptDto, null, cancellationToken);

    // ---- Site jobs ----

    public Task ListSiteJobsAsync(string siteId, Action<SiteJobDto> onJob, CancellationToken cancellationToken) =>
        StreamArrayAsync("site/" + Escape(siteId) + "/job", AltoJsonContext.Default.SiteJobDto, job => { onJob(job); return true; }, cancellationToken);

    /// <summary>Cancels a job that has not started; the API refuses a started one with code <c>job_already_started</c>.</summary>
    public async Task CancelSiteJobAsync(string siteId, string jobId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "site/" + Escape(siteId) + "/job/" + Escape(jobId));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // ---- Synchronous (read-only) commands ----

    /// <summary>Runs a read-only command on the site's router through SDX; each reply row goes to <paramref name="onRow"/>.</summary>
    public Task RunSynchronousCommandAsync(string siteId, SynchronousCommandRequest body, Action<Dictionary<string, string>> onRow, CancellationToken cancellationToken) =>
        StreamArrayAsync(HttpMethod.Post, "api/synchronous/" + Escape(siteId),
            JsonSerializer.SerializeToUtf8Bytes(body, AltoJsonContext.Default.SynchronousCommandRequest),
            AltoJsonContext.Default.DictionaryStringString, row => { onRow(row); return true; }, cancellationToken);

    // ---- Backups ----

    /// <summary>The site's backups, newest first; false from <paramref name="onBackup"/> stops reading (e.g. after the latest).</summary>
    public Task ListBackupsAsync(string siteId, Func<BackupDto, bool> onBackup, CancellationToken cancellationToken) =>
        StreamArrayAsync("backup/" + Escape(siteId), AltoJsonContext.Default.BackupDto, onBackup, cancellationToken);

    /// <summary>The newest backup's list entry, or null when the site has none.</summary>
    public async Task<BackupDto?> GetLatestBackupEntryAsync(string siteId, CancellationToken cancellationToken)
    {
        BackupDto? latest = null;
        await ListBackupsAsync(siteId, backup => { latest = backup; return false; }, cancellationToken).ConfigureAwait(false);
        return latest;
    }

    /// <summary>One backup with its content (the RouterOS export text).</summary>
    public async Task<BackupDto> GetBackupAsync(string siteId, string filename, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "backup/" + Escape(siteId) + "/" + Escape(filename));
        return await ReadAsync(request, AltoJsonContext.Default.BackupDto, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the site for a new backup; it appears in the list when the router has made it.</summary>
    public async Task<string?> RequestBackupAsync(string siteId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "backup/" + Escape(siteId));
        return (await ReadAsync(request, AltoJsonContext.Default.MessageDto, cancellationToken).ConfigureAwait(false)).Message;
    }

    /// <summary>The API's unified diff of two backups of a site (text/plain, older path form: no current one is published).</summary>
    public async Task<string> GetBackupDiffAsync(string siteId, string fromFilename, string toFilename, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "sites/" + Escape(siteId) + "/backups/" + Escape(fromFilename) + "/diff/" + Escape(toFilename));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    private async Task StreamArrayAsync<T>(HttpMethod method, string path, byte[] body, JsonTypeInfo<T> typeInfo, Func<T, bool> onItem, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent(body) };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, cancellationToken).ConfigureAwait(false))
        {
            if (item is not null && !onItem(item)) return;
        }
    }

    private async Task<TResponse> SendBytesAsync<TResponse>(HttpMethod method, string path, byte[] body, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent(body) };
        return await ReadAsync(request, responseInfo, cancellationToken).ConfigureAwait(false);
    }

    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
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
        using var stream = new LimitedReadStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), _maxResponseBytes, $"{request.Method} {request.RequestUri}");
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
            // An error's body is a few fields; a larger one is not the API's, and the status alone describes the error.
            using var stream = new LimitedReadStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), MaxErrorBytes, "an error");
            var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes).ConfigureAwait(false);
            if (bytes.Length == 0) return null;
            return JsonSerializer.Deserialize(bytes.ToArray(), AltoJsonContext.Default.ApiErrorDto);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            // A proxy's HTML page or a truncated body: the status alone describes the error.
            return null;
        }
    }
}
