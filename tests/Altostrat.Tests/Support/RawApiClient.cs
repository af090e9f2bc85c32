using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Tests.Support;

/// <summary>
/// A bare API connection for tests that need the wire as it is: sentences sent back to back without waiting,
/// every reply word (<c>!empty</c> included) read as the router sent it, and a connection dropped at will.
/// </summary>
public sealed class RawApiClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly SentenceReader _reader;

    private RawApiClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new SentenceReader(_stream);
    }

    public static async Task<RawApiClient> LoginAsync(int port, string user = "admin", string password = "")
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        var client = new RawApiClient(tcp);
        await client.SendAsync("/login", "=name=" + user, "=password=" + password);
        var reply = await client.ReadAsync();
        if (reply.Command != "!done") throw new InvalidOperationException("login failed: " + reply.Command);
        return client;
    }

    public Task SendAsync(params string[] words) => _stream.WriteAsync(Wire.Sentences(words)).AsTask();

    /// <summary>Several sentences in one write: the router has them all before it answers any.</summary>
    public Task SendAllAsync(params string[][] sentences) => _stream.WriteAsync(Wire.Sentences(sentences)).AsTask();

    /// <summary>The next sentence; fails (rather than hangs) if none comes, and returns null when the router closed the connection.</summary>
    public async Task<RouterSentence?> TryReadAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await _reader.ReadSentenceAsync(patience.Token);
        }
        catch (Exception ex) when (ex is System.IO.IOException or SocketException or RouterProtocolException)
        {
            return null; // reset or cut mid-sentence: the line is gone
        }
    }

    public async Task<RouterSentence> ReadAsync() =>
        await TryReadAsync() ?? throw new InvalidOperationException("the router closed the connection");

    /// <summary>The replies to one command: everything up to and including its <c>!done</c>.</summary>
    public async Task<List<RouterSentence>> ReadUntilDoneAsync()
    {
        var replies = new List<RouterSentence>();
        while (true)
        {
            var reply = await ReadAsync();
            replies.Add(reply);
            if (reply.Command == "!done") return replies;
        }
    }

    /// <summary>Runs one command and returns its replies; throws with the message if it trapped.</summary>
    public async Task<List<RouterSentence>> RunAsync(params string[] words)
    {
        await SendAsync(words);
        var replies = await ReadUntilDoneAsync();
        if (replies.FirstOrDefault(r => r.Command == "!trap") is { } trap)
            throw new InvalidOperationException($"{words[0]} trapped: {trap["message"]}");
        return replies;
    }

    /// <summary>Runs one command that must trap and returns the trap.</summary>
    public async Task<RouterSentence> TrapAsync(params string[] words)
    {
        await SendAsync(words);
        var replies = await ReadUntilDoneAsync();
        return replies.FirstOrDefault(r => r.Command == "!trap")
            ?? throw new InvalidOperationException($"{words[0]} did not trap");
    }

    /// <summary>The rows of a print.</summary>
    public async Task<List<RouterSentence>> PrintAsync(string menu, params string[] words) =>
        (await RunAsync(new[] { menu + "/print" }.Concat(words).ToArray())).Where(r => r.Command == "!re").ToList();

    /// <summary>Drops the connection without a goodbye, as a lost network does.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _client.Dispose();
    }
}
