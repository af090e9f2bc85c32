using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class RouterEndpointTests
{
    [Fact]
    public async Task An_open_session_is_handed_back_as_it_is_and_a_closed_one_fails_saying_to_connect_again()
    {
        await using var server = new MenuRouterServer();
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "r1" });
        var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
        var endpoint = RouterEndpoint.ForConnection("r1", connection);

        Assert.Same(connection, await endpoint.OpenAsync(CancellationToken.None));
        Assert.False(endpoint.OwnsConnection);

        connection.Dispose();
        var opening = endpoint.OpenAsync(CancellationToken.None);   // the failure is the task's, not the call's
        var error = await Assert.ThrowsAsync<RouterConnectionException>(() => opening);
        Assert.Contains("r1", error.Message);
        Assert.Contains("connect again with Connect-AltoRouter", error.Message);
    }

    [Fact]
    public async Task An_address_is_connected_to_and_logged_in_for_the_run()
    {
        await using var server = new MenuRouterServer();
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "r2" });
        var endpoint = RouterEndpoint.ForAddress("r2", new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        using var connection = await endpoint.OpenAsync(CancellationToken.None);
        Assert.True(endpoint.OwnsConnection);
        Assert.True(connection.IsConnected);
        var reply = await connection.ExecuteAsync(new RouterCommand("/system/identity/print"));
        Assert.Equal("r2", Assert.Single(reply.Rows)["name"]);
    }
}
