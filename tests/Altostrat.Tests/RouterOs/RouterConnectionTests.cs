using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class RouterConnectionTests
{
    private static RouterConnectionOptions OptionsFor(SimulatedRouter router) => new(router.Host) { Port = router.Port };

    private static async Task<RouterConnection> LoginAsync(SimulatedRouter router, Action<RouterConnectionOptions>? configure = null)
    {
        var options = OptionsFor(router);
        configure?.Invoke(options);
        return await RouterConnection.ConnectAsync(options, router.Options.UserName, router.Options.Password);
    }

    [Fact]
    public async Task Prints_with_queries_and_a_property_list()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Identity = "edge-1", Password = "s3cret" });
        using var connection = await LoginAsync(router);

        var identity = await connection.ExecuteAsync(new RouterCommand("/system identity print"));
        Assert.Equal("edge-1", Assert.Single(identity.Rows)["name"]);

        var ethernet = await connection.ExecuteAsync(new RouterCommand("/interface/print").Where("type=ether").Where("?name=ether2").Where("?name=ether3").Where("?#|&").Select(new[] { "name", ".id" }));
        Assert.Equal(new[] { "ether2", "ether3" }, ethernet.Rows.Select(r => r["name"]));
        Assert.All(ethernet.Rows, r => Assert.Equal(new[] { "name", ".id" }, r.Attributes.Select(a => a.Key)));

        var notEther = await connection.ExecuteAsync(new RouterCommand("/interface/print").Where("type=ether").Where("#!"));
        Assert.Equal("bridge", Assert.Single(notEther.Rows)["name"]);

        var count = await connection.ExecuteAsync(new RouterCommand("/interface/print").With("count-only", ""));
        Assert.Equal("4", count.Ret);
    }

    [Fact]
    public async Task Adds_sets_and_removes_with_the_id_from_ret()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var connection = await LoginAsync(router);

        var added = await connection.ExecuteAsync(new RouterCommand("/ip/address/add").With("address", "10.9.9.1/24").With("interface", "ether2"));
        Assert.StartsWith("*", added.Ret);
        await connection.ExecuteAsync(new RouterCommand("/ip/address/set").With(".id", added.Ret).With("comment", "lab"));
        var row = Assert.Single((await connection.ExecuteAsync(new RouterCommand("/ip/address/print").Where("comment=lab"))).Rows);
        Assert.Equal("10.9.9.1/24", row["address"]);

        await connection.ExecuteAsync(new RouterCommand("/ip/address/remove").With(".id", added.Ret));
        var none = await connection.ExecuteAsync(new RouterCommand("/ip/address/print").Where("comment=lab"));
        Assert.Empty(none.Rows); // the router said !empty, then !done
    }

    [Fact]
    public async Task The_simulator_keeps_the_NTP_client_settings_a_script_sets()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var connection = await LoginAsync(router);

        var outcome = await new RouterScriptJob("/system ntp client set enabled=yes servers=pool.ntp.org", makeBackup: false, timeout: TimeSpan.FromSeconds(30))
            .RunAsync(RouterEndpoint.ForConnection($"127.0.0.1:{router.Port}", connection), CancellationToken.None);

        Assert.Equal(RouterRunStatus.Succeeded, outcome.Status);
        var settings = Assert.Single((await connection.ExecuteAsync(new RouterCommand("/system/ntp/client/print"))).Rows);
        Assert.Equal(("true", "pool.ntp.org"), (settings["enabled"], settings["servers"])); // set as yes, printed as RouterOS prints it
    }

    [Fact]
    public async Task Traps_carry_the_routers_message_and_category_and_leave_the_session_usable()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var connection = await LoginAsync(router);

        var badPath = await Assert.ThrowsAsync<RouterTrapException>(() => connection.ExecuteAsync(new RouterCommand("/ip/adress/print")));
        Assert.Equal("no such command or directory (adress)", badPath.RouterMessage);
        Assert.Equal(RouterTrapCategory.MissingItemOrCommand, badPath.Category);
        Assert.Contains("/ip/adress/print", badPath.Message);
        // Off the standard port the message names the port too: routers behind one address must tell apart.
        Assert.StartsWith($"127.0.0.1:{router.Port} refused", badPath.Message);

        var badArgument = await Assert.ThrowsAsync<RouterTrapException>(() =>
            connection.ExecuteAsync(new RouterCommand("/ip/address/add").With("address", "10.0.0.1/24").With("interface", "ether9")));
        Assert.Equal(RouterTrapCategory.ArgumentValueFailure, badArgument.Category);
        Assert.Contains("interface", badArgument.RouterMessage);

        Assert.Single((await connection.ExecuteAsync(new RouterCommand("/system/identity/print"))).Rows);
    }

    [Theory]
    [InlineData(0, false, "edge-1")]
    [InlineData(8728, false, "edge-1")]
    [InlineData(8729, true, "edge-1")]
    [InlineData(8729, false, "edge-1:8729")]
    [InlineData(18728, false, "edge-1:18728")]
    public void Messages_name_the_router_by_host_alone_only_on_its_standard_port(int port, bool tls, string expected)
    {
        Assert.Equal(expected, new RouterConnectionOptions("edge-1") { Port = port, UseTls = tls }.DisplayName);
    }

    [Fact]
    public async Task Falls_back_to_the_challenge_login_of_older_routers()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { LoginStyle = RouterLoginStyle.Challenge, Password = "old-school" });
        using var connection = await LoginAsync(router);
        Assert.True(connection.IsConnected);
        Assert.Single((await connection.ExecuteAsync(new RouterCommand("/system/resource/print"))).Rows);
    }

    [Fact]
    public void Computes_the_documented_challenge_response()
    {
        Assert.Equal("005062f7a5ef124d34675bf3e81f56c556", RouterLogin.ChallengeResponse("", "856780b7411eefd3abadee2058c149a3"));
    }

    [Theory]
    [InlineData(RouterLoginStyle.Plain)]
    [InlineData(RouterLoginStyle.Challenge)]
    public async Task A_wrong_password_is_an_authentication_error_that_never_shows_the_password(RouterLoginStyle style)
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { LoginStyle = style, Password = "right" });
        var error = await Assert.ThrowsAsync<RouterAuthenticationException>(() =>
            RouterConnection.ConnectAsync(OptionsFor(router), "admin", "Wr0ngPa55w0rd"));
        Assert.Contains("invalid user name or password", error.Message);
        Assert.Contains("admin", error.Message);
        Assert.DoesNotContain("Wr0ngPa55w0rd", error.ToString());
    }

    [Fact]
    public async Task Routes_out_of_order_replies_to_their_commands_by_tag()
    {
        await using var server = new ScriptedRouterServer(async (reader, send) =>
        {
            var first = (await reader.ReadSentenceAsync())!;
            var second = (await reader.ReadSentenceAsync())!;
            // Answer the second command first, interleaving the rows of both.
            await send(new[]
            {
                new[] { "!re", "=name=second-a", ".tag=" + second.Tag },
                new[] { "!re", "=name=first-a", ".tag=" + first.Tag },
                new[] { "!re", "=name=second-b", ".tag=" + second.Tag },
                new[] { "!done", "=ret=two", ".tag=" + second.Tag },
                new[] { "!re", "=name=late", ".tag=no-such-tag" },
                new[] { "!trap", "=message=busy", ".tag=" + first.Tag },
                new[] { "!done", ".tag=" + first.Tag },
            });
        });
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        var firstTask = connection.ExecuteAsync(new RouterCommand("/first/print"));
        var secondTask = connection.ExecuteAsync(new RouterCommand("/second/print"));

        var second = await secondTask;
        Assert.Equal(new[] { "second-a", "second-b" }, second.Rows.Select(r => r["name"]));
        Assert.Equal("two", second.Ret);
        var trap = await Assert.ThrowsAsync<RouterTrapException>(() => firstTask);
        Assert.Equal("busy", trap.RouterMessage);
        Assert.Null(trap.Category);
        await server.Completion;
    }

    [Fact]
    public async Task A_fatal_fails_every_command_in_flight_and_closes_the_connection()
    {
        await using var server = new ScriptedRouterServer(async (reader, send) =>
        {
            await reader.ReadSentenceAsync();
            await reader.ReadSentenceAsync();
            await send(new[] { new[] { "!fatal", "out of memory" } });
        });
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        var one = connection.ExecuteAsync(new RouterCommand("/a/print"));
        var two = connection.ExecuteAsync(new RouterCommand("/b/print"));

        Assert.Equal("out of memory", (await Assert.ThrowsAsync<RouterFatalException>(() => one)).Reason);
        await Assert.ThrowsAsync<RouterFatalException>(() => two);
        Assert.False(connection.IsConnected);
        await Assert.ThrowsAsync<RouterFatalException>(() => connection.ExecuteAsync(new RouterCommand("/c/print")));
    }

    [Fact]
    public async Task The_end_of_the_stream_in_the_middle_of_a_reply_is_a_connection_failure()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { DropConnectionOn = "/interface/print" });
        using var connection = await LoginAsync(router);
        var error = await Assert.ThrowsAsync<RouterProtocolExceptionOrConnection>(() => Classify(connection.ExecuteAsync(new RouterCommand("/interface/print"))));
        Assert.False(connection.IsConnected);
        Assert.NotNull(error);
    }

    // A cut mid-sentence is reported by the reader as a protocol error; a cut between sentences as a lost connection.
    private sealed class RouterProtocolExceptionOrConnection : Exception
    {
        public RouterProtocolExceptionOrConnection(Exception inner) : base(inner.Message, inner) { }
    }

    private static async Task Classify(Task task)
    {
        try { await task; }
        catch (Exception ex) when (ex is Altostrat.Engine.RouterOs.Protocol.RouterProtocolException or RouterConnectionException)
        {
            throw new RouterProtocolExceptionOrConnection(ex);
        }
    }

    [Fact]
    public async Task Listen_streams_changes_until_the_caller_stops_and_then_the_session_goes_on()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());
        using var connection = await LoginAsync(router);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var seen = new List<string>();
        var listening = Task.Run(async () =>
        {
            await foreach (var row in connection.StreamAsync(new RouterCommand("/ip/address/listen"), stop.Token))
            {
                seen.Add(row["address"] ?? row[".dead"] ?? "?");
                if (seen.Count == 2) break; // stopping early sends /cancel
            }
        });
        // Give the listen its head start, then change the menu twice on the same connection.
        await Task.Delay(200);
        await connection.ExecuteAsync(new RouterCommand("/ip/address/add").With("address", "10.1.0.1/24").With("interface", "ether2"));
        await connection.ExecuteAsync(new RouterCommand("/ip/address/add").With("address", "10.2.0.1/24").With("interface", "ether3"));
        await listening;

        Assert.Equal(new[] { "10.1.0.1/24", "10.2.0.1/24" }, seen);
        Assert.True(connection.IsConnected);
        Assert.Equal(3, (await connection.ExecuteAsync(new RouterCommand("/ip/address/print"))).Rows.Count);
    }

    [Fact]
    public async Task A_command_timeout_cancels_the_command_but_keeps_the_session()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { SilentOn = "/ip/route/print" });
        using var connection = await LoginAsync(router, o => o.CommandTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RouterTimeoutException>(() => connection.ExecuteAsync(new RouterCommand("/ip/route/print")));
        Assert.Contains("/ip/route/print", error.Message);
        Assert.True(connection.IsConnected);
        Assert.Single((await connection.ExecuteAsync(new RouterCommand("/system/identity/print"))).Rows);
    }

    [Fact]
    public async Task A_silent_router_trips_the_read_timeout_and_the_connection_closes()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { SilentOn = "/ip/route/print" });
        using var connection = await LoginAsync(router, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RouterTimeoutException>(() => connection.ExecuteAsync(new RouterCommand("/ip/route/print")));
        Assert.Contains("sent nothing", error.Message);
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public async Task Disposing_ends_the_session_at_the_router_and_fails_the_command_in_flight()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { SilentOn = "/ip/route/print" });
        var connection = await LoginAsync(router);
        var waiting = connection.ExecuteAsync(new RouterCommand("/ip/route/print"));
        for (var i = 0; i < 100 && router.OpenSessions == 0; i++) await Task.Delay(20);
        Assert.Equal(1, router.OpenSessions);

        connection.Dispose();

        var error = await Assert.ThrowsAsync<RouterConnectionException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("was closed", error.Message);
        Assert.False(connection.IsConnected);
        for (var i = 0; i < 250 && router.OpenSessions > 0; i++) await Task.Delay(20);
        Assert.Equal(0, router.OpenSessions); // the router saw the end of the stream
        await Assert.ThrowsAsync<RouterConnectionException>(() => connection.ExecuteAsync(new RouterCommand("/system/identity/print")));
    }

    [Fact]
    public async Task Cancelling_a_command_returns_promptly()
    {
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { SilentOn = "/ip/route/print" });
        using var connection = await LoginAsync(router);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteAsync(new RouterCommand("/ip/route/print"), cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_error_naming_the_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<RouterConnectionException>(() =>
            RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = port }, "admin", ""));
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task A_service_that_is_not_the_RouterOS_API_is_named_with_a_hint_to_check_the_port()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // An SSH server's greeting, then the end: no sentence the API would send. It reads the login first, so that
        // closing sends an orderly end of stream, not a reset for unread data.
        var greeting = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var login = new byte[256];
            _ = await stream.ReadAsync(login);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n"));
            client.Client.Shutdown(SocketShutdown.Send);
        });
        try
        {
            var error = await Assert.ThrowsAsync<RouterConnectionException>(() =>
                RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = port, ConnectTimeout = TimeSpan.FromSeconds(10) }, "admin", ""));
            Assert.StartsWith($"127.0.0.1:{port} did not answer as the RouterOS API", error.Message);
            Assert.Contains("API port", error.Message);
            await greeting;
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_fleet_run_whose_login_never_finishes_says_nothing_was_run()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts at the TCP level, never speaks
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var endpoint = RouterEndpoint.ForAddress($"127.0.0.1:{port}", new RouterConnectionOptions("127.0.0.1") { Port = port }, "admin", "");
            var outcome = await new RouterScriptJob(":log info x", makeBackup: false, timeout: TimeSpan.FromMilliseconds(300)).RunAsync(endpoint, CancellationToken.None);
            Assert.Equal(RouterRunStatus.Failed, outcome.Status);
            Assert.Contains("logging in to", outcome.Error!.Message);
            Assert.Contains("the script was not run", outcome.Error.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task A_login_that_never_answers_hits_the_connect_timeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts at the TCP level, never speaks
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var error = await Assert.ThrowsAsync<RouterTimeoutException>(() => RouterConnection.ConnectAsync(
                new RouterConnectionOptions("127.0.0.1") { Port = port, ConnectTimeout = TimeSpan.FromMilliseconds(300) }, "admin", ""));
            Assert.Contains("took longer", error.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("router1", "router1", 0)]
    [InlineData("10.0.0.1:8730", "10.0.0.1", 8730)]
    [InlineData("[fe80::1]:8729", "fe80::1", 8729)]
    [InlineData("fe80::1", "fe80::1", 0)]
    [InlineData(" 10.0.0.2 ", "10.0.0.2", 0)]
    public void Parses_computer_names_with_and_without_a_port(string text, string host, int port)
    {
        var address = RouterAddress.Parse(text);
        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
    }

    [Theory]
    [InlineData("10.0.0.1:http")]
    [InlineData("10.0.0.1:70000")]
    [InlineData("[fe80::1")]
    [InlineData("")]
    public void Refuses_malformed_computer_names_with_a_reason(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => RouterAddress.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        // The message is the user's error as it stands; .NET's "(Parameter 'computerName')" would be noise in it.
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public async Task Messages_write_an_IPv6_router_in_brackets_with_its_port()
    {
        Assert.Equal("[fe80::1]:8730", new RouterConnectionOptions("fe80::1") { Port = 8730 }.DisplayName);
        Assert.Equal("10.0.0.1:8730", new RouterConnectionOptions("10.0.0.1") { Port = 8730 }.DisplayName);
        Assert.Equal("fe80::1", new RouterConnectionOptions("fe80::1").DisplayName);
        // Nothing listens on port 1: refused (or unreachable where this machine has no IPv6), named as [::1]:1.
        var error = await Assert.ThrowsAnyAsync<RouterException>(() => RouterConnection.ConnectAsync(
            new RouterConnectionOptions("::1") { Port = 1, ConnectTimeout = TimeSpan.FromSeconds(5) }, "admin", ""));
        Assert.Contains("[::1]:1", error.Message);
    }
}
