using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Altostrat.Tests.Support;

/// <summary>
/// A real HTTP server on loopback that answers POST /scripts/gen-ai with one fixed script and verdict: what the
/// emulator cannot do, since its verdict is the analyzer's own, to show how the module treats a disagreement.
/// </summary>
public sealed class StubAiService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubAiService(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<StubAiService> StartAsync(string content, bool destructive)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/scripts/gen-ai", () => Results.Json(new
        {
            response = new[] { new { content, error = (string?)null, destructive } },
            tokenUsage = new { prompt = 3, completion = 5, total = 8 },
            response_id = "cmpl-stub-1",
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubAiService(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
