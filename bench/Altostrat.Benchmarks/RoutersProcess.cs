using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Tests.Support;

namespace Altostrat.Benchmarks;

/// <summary>
/// Simulated routers in a process of their own, as real routers are: the client's process then holds, compiles and
/// collects only the client, and the CPU it reports is the client's alone (on this machine both processes still
/// share the same cores, so the routers' CPU is reported beside it). Each router is a <see cref="MenuRouterServer"/>
/// with an empty address list and an identity; the process warms its code up on routers of its own before it says
/// ready, so that a client's cold first run does not pay for the routers' JIT.
/// </summary>
public sealed class RoutersProcess : IDisposable
{
    private readonly Process _process;

    private RoutersProcess(Process process, IReadOnlyList<int> ports)
    {
        _process = process;
        Ports = ports;
    }

    /// <summary>One port per router.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>The CPU the routers' process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static RoutersProcess Start(int routerCount, TimeSpan latency)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "menu-servers", routerCount.ToString(), latency.TotalMilliseconds.ToString() }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var ports = new List<int>();
        while (process.StandardOutput.ReadLine() is { } line && line != "ready") ports.Add(int.Parse(line));
        if (ports.Count != routerCount) throw new InvalidOperationException($"The routers' process started {ports.Count} routers of {routerCount}.");
        return new RoutersProcess(process, ports);
    }

    /// <summary>The routers' process itself: starts the routers, prints their ports, and serves until its input closes.</summary>
    public static async Task ServeAsync(int routerCount, TimeSpan latency, Func<TimeSpan, Task> warmUp)
    {
        // Commands are read where the socket reports them, not after a wait for a pool thread, whose lateness counted
        // into the simulated latency. The runtime reads this once, when this process opens its first socket; a
        // client's process keeps the default.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        await warmUp(latency);
        var servers = Enumerable.Range(0, routerCount).Select(_ => NewRouter(latency)).ToList();
        foreach (var server in servers) Console.WriteLine(server.Port);
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        foreach (var server in servers) await server.DisposeAsync();
    }

    public static MenuRouterServer NewRouter(TimeSpan latency)
    {
        var server = new MenuRouterServer(latency);
        server.AddRows("/ip/firewall/address-list", Array.Empty<IReadOnlyDictionary<string, string>>());
        server.SetSingle("/system/identity", new Dictionary<string, string> { ["name"] = "bench" });
        return server;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit();
        _process.Dispose();
    }
}
