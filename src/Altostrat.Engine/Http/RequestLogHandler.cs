using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.Http;

/// <summary>One line per attempt: method, URL, status and time. Deliberately nothing else: no header, no body.</summary>
internal sealed class RequestLogHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            ApiDiagnostics.Write($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)");
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException)
        {
            ApiDiagnostics.Write($"{request.Method} {request.RequestUri} -> {ex.GetType().Name} after {watch.ElapsedMilliseconds} ms");
            throw;
        }
    }
}
