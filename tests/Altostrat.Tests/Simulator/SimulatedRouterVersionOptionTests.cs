using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Simulator;

/// <summary>The emulator's router version setting reaches every site's simulated router, and its command line lists it.</summary>
public sealed class SimulatedRouterVersionOptionTests
{
    [Fact]
    public async Task The_emulator_gives_every_site_router_the_version_it_is_told()
    {
        await using var host = await TestEmulator.StartAsync(o => { o.SimulateRouters = true; o.RouterVersion = "7.16.1"; }, runWorkflow: false);

        var routers = host.State.Routers!.BySite.Values.ToList();
        Assert.NotEmpty(routers);
        Assert.All(routers, r => Assert.Equal("7.16.1", r.Options.Version));
        // What SDX says a site runs is what its router runs.
        Assert.All(host.State.Sites.All(), site => Assert.Equal("7.16.1", site.SoftwareVersion));
        using var client = await RawApiClient.LoginAsync(routers[0].Port, SiteRouters.UserName, SiteRouters.Password);
        await client.SendAsync("/ip/firewall/address-list/print");
        Assert.Equal(new[] { "!done" }, (await client.ReadUntilDoneAsync()).Select(r => r.Command)); // no !empty before 7.18
    }

    [Fact]
    public async Task The_command_line_lists_router_version_and_refuses_a_bad_one()
    {
        var (helpCode, help) = await RunEmulatorAsync("--help");
        Assert.Equal(0, helpCode);
        Assert.Contains("--router-version V", help);
        Assert.Contains(SimulatedRouterOptions.DefaultVersion, help);

        var (badCode, _) = await RunEmulatorAsync("--router-version", "latest", "--help");
        Assert.Equal(2, badCode);
    }

    private static async Task<(int ExitCode, string Output)> RunEmulatorAsync(params string[] arguments)
    {
        var dll = Path.Combine(Paths.RepositoryRoot, "src", "Altostrat.Emulator", "bin", Paths.Configuration, "net10.0", "Altostrat.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
