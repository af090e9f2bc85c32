using System;
using System.Globalization;
using System.Linq;
using Altostrat.Emulator.Routers;
using Altostrat.Emulator.Storage;

namespace Altostrat.Emulator.Workflow;

/// <summary>
/// Carries out backup requests: <see cref="EmulatorOptions.BackupDuration"/> after a request, the site's router
/// exports its real configuration and the text is stored as the site's newest backup. Without simulated routers each
/// site has a configuration of its own that nothing changes.
/// </summary>
public static class BackupWorkflow
{
    public static void Tick(EmulatorState state, DateTimeOffset now)
    {
        foreach (var siteId in state.Backups.TakeDue(now - state.Options.BackupDuration))
        {
            var site = state.Sites.Find(siteId);
            if (site is null) continue;
            state.Backups.Add(siteId, now, Export(state, site, now));
        }
    }

    /// <summary>The site's configuration as export text, now.</summary>
    public static string Export(EmulatorState state, SiteRecord site, DateTimeOffset now) =>
        ConfigurationExport.Export(ConfigurationOf(state, site), now, SoftwareId(site.Id), site.Model, site.SerialNumber);

    public static RouterConfiguration ConfigurationOf(EmulatorState state, SiteRecord site) =>
        state.Routers is { } routers && routers.BySite.TryGetValue(site.Id, out var router)
            ? router.Configuration
            : state.DetachedConfigurations.GetOrAdd(site.Id, _ => new RouterConfiguration(site.Name));

    /// <summary>A stable software id per site, in RouterOS's XXXX-XXXX form.</summary>
    public static string SoftwareId(string siteId)
    {
        var hash = siteId.Aggregate(17u, (h, c) => unchecked(h * 31 + c));
        var text = hash.ToString("X8", CultureInfo.InvariantCulture);
        return text[..4] + "-" + text[4..];
    }
}
