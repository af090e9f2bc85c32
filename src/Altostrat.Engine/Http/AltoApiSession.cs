using System;
using System.Net.Http;

namespace Altostrat.Engine.Http;

/// <summary>
/// One connection to an SDX API: the options and the client with its handler pipeline (authentication, retry with
/// per-attempt timeout, request log), composed directly: a dependency-injection container and IHttpClientFactory
/// cost a fresh PowerShell process about a hundred milliseconds of first-use compilation before its first request,
/// for one client that lives as long as the connection. Dispose to release the handlers.
/// </summary>
public sealed class AltoApiSession : IDisposable
{
    private readonly HttpClient _http;

    public AltoApiSession(AltoApiOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var pipeline = new AuthenticationHandler(options)
        {
            InnerHandler = new RetryHandler(options) { InnerHandler = new RequestLogHandler { InnerHandler = CreatePrimaryHandler(options) } },
        };
        _http = new HttpClient(pipeline, disposeHandler: true)
        {
            BaseAddress = EnsureTrailingSlash(options.ApiUrl),
            // Timeouts are per attempt, in RetryHandler; the overall call is bounded by the caller's token.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Altostrat.PowerShell/" + typeof(AltoApiSession).Assembly.GetName().Version);
        Client = new AltoApiClient(_http, options.MaxResponseBytes);
    }

    public AltoApiOptions Options { get; }

    public AltoApiClient Client { get; }

    public void Dispose() => _http.Dispose();

    private static HttpMessageHandler CreatePrimaryHandler(AltoApiOptions options)
    {
        var handler = new HttpClientHandler();
        if (options.SkipCertificateCheck)
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        return handler;
    }

    internal static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
