using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Benchmarks;

/// <summary>
/// The fleet benchmark's exchange (connect, log in, one print, close) written with nothing but sockets and
/// pre-encoded bytes: no engine. In a fresh process it measures what the runtime, the sockets and the simulated
/// routers cost before any engine code runs, the floor under the engine's fresh-process figure.
/// </summary>
public static class BareSocketClient
{
    private static readonly byte[] Login = Sentence("/login", "=name=admin", "=password=");
    private static readonly byte[] Print = Sentence("/system/identity/print", ".tag=1");
    private static readonly byte[] Done = Encoding.ASCII.GetBytes("\u0005!done");

    /// <returns>
    /// How many exchanges failed, and the print's mean round trip: the latency the simulated router actually gave, which
    /// on a loaded machine is its nominal latency plus the hops on both sides and the lateness of its timer.
    /// </returns>
    public static async Task<(int Failed, TimeSpan PrintRoundTrip)> RunAsync(int port, int routers, int throttle)
    {
        var failed = 0;
        long printTicks = 0;
        using var slots = new SemaphoreSlim(throttle);
        var running = new List<Task>(routers);
        for (var i = 0; i < routers; i++)
        {
            await slots.WaitAsync();
            running.Add(Task.Run(async () =>
            {
                try { Interlocked.Add(ref printTicks, await ExchangeAsync(port)); }
                catch (SocketException) { Interlocked.Increment(ref failed); }
                finally { slots.Release(); }
            }));
        }
        await Task.WhenAll(running);
        var completed = Math.Max(1, routers - failed);
        return (failed, TimeSpan.FromSeconds(printTicks / (double)Stopwatch.Frequency / completed));
    }

    // The print's round trip, in stopwatch ticks.
    private static async Task<long> ExchangeAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await socket.SendAsync(Login, SocketFlags.None);
        await ReadUntilDoneAsync(socket, 1);
        var sent = Stopwatch.GetTimestamp();
        await socket.SendAsync(Print, SocketFlags.None);
        await ReadUntilDoneAsync(socket, 1);
        var roundTrip = Stopwatch.GetTimestamp() - sent;
        socket.Shutdown(SocketShutdown.Both);
        return roundTrip;
    }

    // Reads until `count` more "!done" words have arrived (every word here is shorter than 128 bytes: one length byte).
    private static async Task ReadUntilDoneAsync(Socket socket, int count)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (Occurrences(buffer.AsSpan(0, length)) < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
            if (read == 0) throw new SocketException((int)SocketError.ConnectionReset);
            length += read;
        }
    }

    private static int Occurrences(ReadOnlySpan<byte> bytes)
    {
        var found = 0;
        for (var at = bytes.IndexOf(Done); at >= 0; at = bytes.IndexOf(Done))
        {
            found++;
            bytes = bytes.Slice(at + Done.Length);
        }
        return found;
    }

    private static byte[] Sentence(params string[] words) =>
        words.SelectMany(w => new[] { (byte)w.Length }.Concat(Encoding.ASCII.GetBytes(w))).Append((byte)0).ToArray();
}
