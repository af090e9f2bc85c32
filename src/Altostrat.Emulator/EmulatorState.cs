using System;
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
        Sites.SeedIfEmpty(options.SiteCount, clock.GetUtcNow());
    }

    public EmulatorOptions Options { get; }
    public TimeProvider Clock { get; }
    public EmulatorDatabase Database { get; }
    public ScheduledScriptStore Scripts { get; }
    public SiteStore Sites { get; }
    public JobStore Jobs { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public void Dispose() => Database.Dispose();
}
