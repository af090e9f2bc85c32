using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Tests.Support;

/// <summary>
/// A real HTTP server on loopback that answers every request with one fixed status and JSON body: for what the
/// emulator never sends (a malformed body from a broken proxy or a future API version).
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly byte[] _response;
    private int _requests;

    public CannedHttpServer(int status, string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} Canned\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        _response = new byte[Encoding.ASCII.GetByteCount(head) + content.Length];
        Encoding.ASCII.GetBytes(head, 0, head.Length, _response, 0);
        content.CopyTo(_response, _response.Length - content.Length);
        _listener.Start();
        _loop = ServeAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var seen = new StringBuilder();
            // The request head ends with an empty line; the GETs the module sends have no body.
            while (!seen.ToString().Contains("\r\n\r\n"))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            Interlocked.Increment(ref _requests);
            await stream.WriteAsync(_response, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
