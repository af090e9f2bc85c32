using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Tests.Support;

/// <summary>
/// A one-connection API server whose replies a test writes by hand, for orderings the simulator does not produce
/// (replies out of order, a fatal mid-command). Accepts any login, then hands the streams to the test.
/// </summary>
public sealed class ScriptedRouterServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serve;

    public ScriptedRouterServer(Func<SentenceReader, Func<string[][], Task>, Task> conversation)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serve = Task.Run(async () =>
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new SentenceReader(stream);
            async Task Send(string[][] sentences) => await stream.WriteAsync(Wire.Sentences(sentences));
            var login = await reader.ReadSentenceAsync();
            if (login?.Command != "/login") throw new InvalidOperationException("expected /login first");
            await Send(new[] { new[] { "!done" } });
            await conversation(reader, Send);
        });
    }

    public int Port { get; }

    /// <summary>Fails the test if the conversation itself threw.</summary>
    public Task Completion => _serve;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _serve; } catch { /* the test has already asserted what matters */ }
    }
}
