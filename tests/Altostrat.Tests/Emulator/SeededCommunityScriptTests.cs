using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Emulator.Storage;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>
/// The community scripts the emulator starts with are what its help examples queue on sites
/// (Get-AltoCommunityScript cs_emu0002 | Invoke-AltoRouterScript -SiteId ...), so each one must run on a simulated
/// router: a seed the simulator refuses fails that example on every site.
/// </summary>
public sealed class SeededCommunityScriptTests
{
    public static IEnumerable<object[]> SeedIds() => CommunityScriptStore.Seeds(DateTimeOffset.UnixEpoch).Select(s => new object[] { s.Id });

    [Theory]
    [MemberData(nameof(SeedIds))]
    public async Task Every_seeded_community_script_runs_on_a_simulated_router(string id)
    {
        var seed = CommunityScriptStore.Seeds(DateTimeOffset.UnixEpoch).Single(s => s.Id == id);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        var error = await Record.ExceptionAsync(() => new ScriptInterpreter(router.Processor).RunAsync(seed.Content!, CancellationToken.None));

        Assert.True(error is null, $"{seed.Id} ({seed.Name}) does not run on a simulated router: {error?.Message}");
    }

    [Fact]
    public async Task The_seeded_scripts_do_what_they_say()
    {
        var seeds = CommunityScriptStore.Seeds(DateTimeOffset.UnixEpoch);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        foreach (var seed in seeds) await new ScriptInterpreter(router.Processor).RunAsync(seed.Content!, CancellationToken.None);

        Assert.Contains(router.Configuration.Menu("/file").Items, f => f["name"] == "nightly.backup");
        Assert.Equal("9.9.9.9,1.1.1.1", router.Configuration.Menu("/ip/dns").Items[0]["servers"]);
        Assert.Equal(seeds.Length, seeds.Select(s => s.Id).Distinct().Count());
    }
}
