using System;
using System.Globalization;

namespace Altostrat.Emulator.Storage;

/// <summary>Fills the store with many scheduled scripts at once, for benchmarks and long-list tests.</summary>
public static class ScriptSeeder
{
    public static void Seed(EmulatorState state, int count)
    {
        var now = state.Now;
        var sites = state.Sites.All();
        if (sites.Count == 0) throw new InvalidOperationException("The emulator has no sites to schedule scripts on.");
        state.Database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < count; i++)
            {
                var site = sites[i % sites.Count].Id;
                connection.Execute("INSERT INTO scheduled_scripts (id, created_by, test_site_id, make_backup, abort_if_offline, description, summary, script, status, " +
                    "authorization_requested_at, authorized_at, cancelled_at, launch_at, started_at, sites, notify, created_at, updated_at) VALUES " +
                    "($id, $by, NULL, 1, 0, $description, NULL, $script, 'unauthorized', NULL, NULL, NULL, $launch, NULL, $sites, '[]', $now, $now)",
                    ("$id", Guid.NewGuid().ToString()), ("$by", Api.ScheduledScriptEndpoints.EmulatorUser),
                    ("$description", "Seeded script " + i.ToString(CultureInfo.InvariantCulture)),
                    ("$script", "/system identity print"), ("$launch", Timestamps.Write(now.AddDays(7))),
                    ("$sites", "[\"" + site + "\"]"), ("$now", Timestamps.Write(now)));
            }
            transaction.Commit();
        });
    }
}
