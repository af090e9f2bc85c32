using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Altostrat.Engine.Http;

/// <summary>
/// One connection to an SDX API: the options and the IHttpClientFactory that hands out the typed client with its
/// handler pipeline (authentication, retry with per-attempt timeout, request log). Dispose to release the handlers.
/// </summary>
public sealed class AltoApiSession : IDisposable
{
    private readonly ServiceProvider _services;

    public AltoApiSession(AltoApiOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var baseAddress = EnsureTrailingSlash(options.ApiUrl);
        var services = new ServiceCollection();
        services.AddSingleton(options);
        services.AddTransient<AuthenticationHandler>();
        services.AddTransient<RetryHandler>();
        services.AddTransient<RequestLogHandler>();
        services.AddHttpClient<AltoApiClient>(client =>
            {
                client.BaseAddress = baseAddress;
                // Timeouts are per attempt, in RetryHandler; the overall call is bounded by the caller's token.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Altostrat.PowerShell/" + typeof(AltoApiSession).Assembly.GetName().Version);
            })
            .ConfigurePrimaryHttpMessageHandler(() => CreatePrimaryHandler(options))
            .AddHttpMessageHandler<AuthenticationHandler>()
            .AddHttpMessageHandler<RetryHandler>()
            .AddHttpMessageHandler<RequestLogHandler>();
        _services = services.BuildServiceProvider();
    }

    public AltoApiOptions Options { get; }

    public AltoApiClient Client => _services.GetRequiredService<AltoApiClient>();

    public void Dispose() => _services.Dispose();

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
