using System;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

// Issue 10: a command registered for replies before it had the write lock stayed registered when that wait was
// cancelled, and the read watchdog later closed the (reusable) session with a timeout nobody had caused.
public class PendingCommandCleanupTests
{
    [Fact]
    public async Task A_send_cancelled_before_it_is_written_leaves_nothing_registered()
    {
        var seen = new TaskCompletionSource<string>();
        await using var server = new ScriptedRouterServer(async (reader, send) =>
        {
            var sentence = await reader.ReadSentenceAsync();
            seen.TrySetResult(sentence!.Command);
            await send(new[] { new[] { "!done", ".tag=" + sentence.Tag } });
            await reader.ReadSentenceAsync(); // hold the connection open until the client closes it
        });
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteAsync(new RouterCommand("/system/identity/print"), cancelled.Token));

        Assert.Equal(0, connection.PendingCount);
        // The session still works, and the cancelled command never reached the wire.
        await connection.ExecuteAsync(new RouterCommand("/system/resource/print"));
        Assert.Equal("/system/resource/print", await seen.Task);
        Assert.Equal(0, connection.PendingCount);
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task A_send_on_a_closed_connection_leaves_nothing_registered()
    {
        await using var server = new ScriptedRouterServer(async (reader, send) => await reader.ReadSentenceAsync());
        var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        connection.Dispose();

        await Assert.ThrowsAnyAsync<RouterException>(() => connection.ExecuteAsync(new RouterCommand("/system/identity/print")));
        Assert.Equal(0, connection.PendingCount);
    }
}
