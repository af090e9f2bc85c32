using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Tests.Support;

namespace Altostrat.Tests.Simulator;

/// <summary>The whole configuration of a simulated router as text: every menu printed over the API, in menu and item order.</summary>
internal static class ConfigurationDump
{
    public static async Task<string> OverApiAsync(SimulatedRouter router)
    {
        using var client = await RawApiClient.LoginAsync(router.Port, router.Options.UserName, router.Options.Password);
        var text = new StringBuilder();
        foreach (var menu in router.Configuration.MenuPaths.OrderBy(p => p, System.StringComparer.Ordinal))
        {
            text.Append(menu).Append('\n');
            foreach (var row in await client.PrintAsync(menu))
                text.Append("  ").AppendJoin(' ', row.Attributes.Select(a => a.Key + "=" + a.Value)).Append('\n');
        }
        return text.ToString();
    }
}
