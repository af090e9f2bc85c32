using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class ExecuteManyTests
{
    [Fact]
    public async Task A_reply_longer_than_the_row_cap_ends_the_connection_instead_of_filling_memory()
    {
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Enumerable.Range(0, 25).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["list"] = "x", ["address"] = $"10.0.0.{i}" }));
        var options = new RouterConnectionOptions("127.0.0.1") { Port = server.Port, Limits = new Altostrat.Engine.RouterOs.Protocol.ProtocolLimits(maxReplyRows: 10) };
        using var connection = await RouterConnection.ConnectAsync(options, "admin", "");

        var refused = await Assert.ThrowsAsync<Altostrat.Engine.RouterOs.Protocol.RouterProtocolException>(() => connection.ExecuteAsync(new RouterCommand("/ip/firewall/address-list/print")));

        Assert.Contains("more than 10 rows for /ip/firewall/address-list/print", refused.Message);
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public async Task A_streamed_reply_whose_reader_falls_behind_by_more_than_the_row_cap_ends_the_connection()
    {
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Enumerable.Range(0, 25).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["list"] = "x", ["address"] = $"10.0.0.{i}" }));
        var options = new RouterConnectionOptions("127.0.0.1") { Port = server.Port, Limits = new Altostrat.Engine.RouterOs.Protocol.ProtocolLimits(maxReplyRows: 10) };
        using var connection = await RouterConnection.ConnectAsync(options, "admin", "");
        await using var rows = connection.StreamAsync(new RouterCommand("/ip/firewall/address-list/print")).GetAsyncEnumerator();

        Assert.True(await rows.MoveNextAsync());
        // The reader stops taking rows while the router sends all of them.
        for (var i = 0; i < 100 && connection.IsConnected; i++) await Task.Delay(20);

        Assert.False(connection.IsConnected);
        var refused = await Assert.ThrowsAsync<Altostrat.Engine.RouterOs.Protocol.RouterProtocolException>(async () => { while (await rows.MoveNextAsync()) { } });
        Assert.Contains("that were not taken", refused.Message);
    }

    [Fact]
    public async Task A_batch_arrives_whole_and_in_order_and_a_trap_fails_only_its_own_command()
    {
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        server.TrapWhen = c => c["address"] == "10.0.0.2" ? "bad address" : null;
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        server.HoldRepliesUntil(5);

        var commands = Enumerable.Range(0, 4).Select(i => new RouterCommand("/ip/firewall/address-list/add").With("list", "x").With("address", $"10.0.0.{i}")).ToList();
        commands.Add(new RouterCommand("/ip/firewall/address-list/print"));
        var outcomes = await connection.ExecuteManyAsync(commands);

        Assert.Equal(5, outcomes.Count);
        Assert.Equal(new[] { "10.0.0.0", "10.0.0.1", "10.0.0.3" }, outcomes[4].Rows.Select(r => r["address"]));
        Assert.Empty(outcomes[2].Rows);
        var trap = Assert.IsType<RouterTrapException>(outcomes[2].Failure);
        Assert.Null(outcomes[2].Ret);
        Assert.Equal("bad address", trap.RouterMessage);
        foreach (var i in new[] { 0, 1, 3 }) Assert.StartsWith("*", outcomes[i].Ret);
        Assert.Equal(5, server.MaxInFlight);
        Assert.Equal(new[] { "10.0.0.0", "10.0.0.1", "10.0.0.3" }, server.Rows("/ip/firewall/address-list").Select(r => r["address"]));
        Assert.Equal(0, connection.PendingCount);
    }

    [Fact]
    public async Task A_command_of_a_batch_that_outlives_the_command_timeout_is_cancelled_on_the_router_and_fails_alone()
    {
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        var neverAnswered = new TaskCompletionSource();
        var cancelArrived = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.HoldAnswerWhen = c =>
        {
            if (c.Command == "/cancel") { cancelArrived.TrySetResult(c["tag"]); return null; }
            return c["address"] == "10.0.0.1" ? neverAnswered.Task : null;
        };
        using var connection = await RouterConnection.ConnectAsync(
            // Long enough that the two answered commands always beat it on a loaded machine (at 300 ms one sometimes did not).
            new RouterConnectionOptions("127.0.0.1") { Port = server.Port, CommandTimeout = TimeSpan.FromSeconds(2) }, "admin", "");

        var commands = Enumerable.Range(0, 3).Select(i => new RouterCommand("/ip/firewall/address-list/add").With("list", "x").With("address", $"10.0.0.{i}")).ToList();
        var outcomes = await connection.ExecuteManyAsync(commands);

        Assert.IsType<RouterTimeoutException>(outcomes[1].Failure);
        foreach (var i in new[] { 0, 2 }) Assert.StartsWith("*", outcomes[i].Ret);
        Assert.NotNull(await cancelArrived.Task);
        Assert.True(connection.IsConnected);
        // The session stays usable; the simulated router applied the held addition too, only its answer never came.
        Assert.Equal(3, (await connection.ExecuteAsync(new RouterCommand("/ip/firewall/address-list/print"))).Rows.Count);
        neverAnswered.TrySetResult();
    }

    [Fact]
    public async Task A_batch_cancelled_by_its_caller_throws_once_its_unanswered_commands_are_cancelled_on_the_router()
    {
        await using var server = new MenuRouterServer();
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        var neverAnswered = new TaskCompletionSource();
        var cancels = 0;
        server.HoldAnswerWhen = c =>
        {
            if (c.Command == "/cancel") { Interlocked.Increment(ref cancels); return null; }
            return c["address"] == "10.0.0.0" ? null : neverAnswered.Task;
        };
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var commands = Enumerable.Range(0, 3).Select(i => new RouterCommand("/ip/firewall/address-list/add").With("list", "x").With("address", $"10.0.0.{i}")).ToList();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteManyAsync(commands, cancellation.Token).WaitAsync(TimeSpan.FromSeconds(20)));

        // The cancels were written before the batch ended; the router reads them a moment later.
        for (var i = 0; i < 250 && Volatile.Read(ref cancels) < 2; i++) await Task.Delay(20);
        Assert.Equal(2, Volatile.Read(ref cancels));
        // Each /cancel is itself in flight until the router's answer to it is read, a moment after the router counted it;
        // the abandoned commands themselves left the table before their cancels went out.
        for (var i = 0; i < 250 && connection.PendingCount > 0; i++) await Task.Delay(20);
        Assert.Equal(0, connection.PendingCount);
        Assert.True(connection.IsConnected);
        neverAnswered.TrySetResult();
    }

    [Fact]
    public async Task A_batch_on_a_closed_connection_fails_and_leaves_nothing_registered()
    {
        await using var server = new MenuRouterServer();
        var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        connection.Dispose();
        await Assert.ThrowsAnyAsync<RouterException>(() => connection.ExecuteManyAsync(new[] { new RouterCommand("/system/identity/print") }));
        Assert.Equal(0, connection.PendingCount);
    }
}
