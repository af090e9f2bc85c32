using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Harness;

/// <summary>
/// The benchmarks' simulated latency (<see cref="LatencyLine"/>): what they measure is only as true as it is. A busy
/// machine can only make an answer later, so these check that none comes early and that none is lost or reordered;
/// how close to the latency answers come is reported by the benchmarks, not asserted.
/// </summary>
public class MenuRouterServerLatencyTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(30);

    [Fact]
    public async Task Pipelined_answers_each_wait_out_the_latency_and_keep_their_order()
    {
        await using var server = new MenuRouterServer(Latency);
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");

        var clock = Stopwatch.StartNew();
        var commands = Enumerable.Range(0, 50).Select(i => new RouterCommand("/ip/firewall/address-list/add").With("list", "x").With("address", $"10.0.0.{i}")).ToList();
        // Each command on its own (ExecuteAsync), all in flight together, so that each answer's arrival is timed.
        var answered = await Task.WhenAll(commands.Select(async command =>
        {
            var reply = await connection.ExecuteAsync(command);
            return (Id: reply.Ret!, At: clock.Elapsed);
        }).ToList());

        // Half a millisecond early at most (the line's tolerance), measured from before the first command left.
        Assert.All(answered, a => Assert.True(a.At >= Latency - TimeSpan.FromMilliseconds(0.5), $"answered after {a.At.TotalMilliseconds:0.0} ms"));
        var ids = answered.Select(a => Convert.ToInt32(a.Id.TrimStart('*'), 16)).ToList();
        Assert.Equal(ids.OrderBy(i => i), ids);
        Assert.Equal(50, server.Rows("/ip/firewall/address-list").Count);

        // The same as one batch: it ends once the last answer came, none early, all in order.
        clock.Restart();
        var outcomes = await connection.ExecuteManyAsync(commands.Select(c => new RouterCommand(c.Path).With("list", "y").With("address", c.Parameters.Single(p => p.Key == "address").Value)).ToList());
        Assert.True(clock.Elapsed >= Latency - TimeSpan.FromMilliseconds(0.5), $"the batch ended after {clock.Elapsed.TotalMilliseconds:0.0} ms");
        var batchIds = outcomes.Select(o => Convert.ToInt32(o.Ret!.TrimStart('*'), 16)).ToList();
        Assert.Equal(batchIds.OrderBy(i => i), batchIds);
        Assert.All(batchIds, id => Assert.True(id > ids.Max()));
    }

    [Fact]
    public async Task Answers_on_many_connections_all_arrive()
    {
        await using var server = new MenuRouterServer(Latency);
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "line" });

        var names = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions("127.0.0.1") { Port = server.Port }, "admin", "");
            var clock = Stopwatch.StartNew();
            var reply = await connection.ExecuteAsync(new RouterCommand("/system/identity/print"));
            Assert.True(clock.Elapsed >= Latency - TimeSpan.FromMilliseconds(0.5), $"answered after {clock.Elapsed.TotalMilliseconds:0.0} ms");
            return reply.Rows.Single()["name"];
        }));

        Assert.All(names, n => Assert.Equal("line", n));
    }
}
