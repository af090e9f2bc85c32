using System;
using Altostrat.Emulator.Routers;
using Altostrat.Emulator.Storage;

namespace Altostrat.Emulator;

/// <summary>Everything an emulator instance keeps: options, clock and stores over one SQLite database.</summary>
public sealed class EmulatorState : IDisposable
{
    public EmulatorState(EmulatorOptions options, TimeProvider clock)
    {
        Options = options;
        Clock = clock;
        Database = new EmulatorDatabase(options.DatabasePath);
        Scripts = new ScheduledScriptStore(Database);
        Sites = new SiteStore(Database);
        Jobs = new JobStore(Database);
        Templates = new TemplateStore(Database);
        CommunityScripts = new CommunityScriptStore(Database);
        Backups = new BackupStore(Database);
        Sites.SeedIfEmpty(options.SiteCount, clock.GetUtcNow(), options.RouterVersion);
        Templates.SeedIfEmpty(clock.GetUtcNow());
        CommunityScripts.SeedIfEmpty(clock.GetUtcNow());
        if (options.SimulateRouters) Routers = new SiteRouters(Sites.All(), options.FailingSites, options.RouterBasePort, options.RouterVersion);
    }

    public EmulatorOptions Options { get; }
    public TimeProvider Clock { get; }
    public EmulatorDatabase Database { get; }
    public ScheduledScriptStore Scripts { get; }
    public SiteStore Sites { get; }
    public JobStore Jobs { get; }
    public TemplateStore Templates { get; }
    public CommunityScriptStore CommunityScripts { get; }
    public BackupStore Backups { get; }

    /// <summary>Without simulated routers, each site's configuration (for its backups), made when first needed.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, RouterConfiguration> DetachedConfigurations { get; } = new(StringComparer.Ordinal);

    /// <summary>The sites' simulated routers; null when <see cref="EmulatorOptions.SimulateRouters"/> is off.</summary>
    public SiteRouters? Routers { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public void Dispose()
    {
        Routers?.Dispose();
        Database.Dispose();
    }
}
