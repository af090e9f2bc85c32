using System;
using System.Globalization;
using Altostrat.Emulator.Workflow;

namespace Altostrat.Emulator.Storage;

/// <summary>Fills every site with finished jobs and with backups at once, for benchmarks and long-list tests.</summary>
public static class SdxSeeder
{
    /// <summary><paramref name="perSite"/> finished jobs on each site (every fifth one failed), oldest first.</summary>
    public static void SeedJobs(EmulatorState state, int perSite)
    {
        var now = state.Now;
        var sites = state.Sites.All();
        state.Database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var site in sites)
            {
                for (var i = 0; i < perSite; i++)
                {
                    var created = now.AddMinutes(-10 * (perSite - i));
                    var failed = i % 5 == 4;
                    connection.Execute("INSERT INTO jobs (id, site_id, idempotency_key, request_id, description, script, make_backup, express_execute, " +
                        "needs_acknowledgement, notify_url, created_at, started_at, completed_at, failed_at) VALUES " +
                        "($id, $site, $key, $request, $description, '/system identity print', 0, 0, 0, NULL, $created, $started, $completed, $failed)",
                        ("$id", Guid.NewGuid().ToString()), ("$site", site.Id), ("$key", Guid.NewGuid().ToString()), ("$request", Guid.NewGuid().ToString()),
                        ("$description", "Seeded job " + i.ToString(CultureInfo.InvariantCulture)), ("$created", Timestamps.Write(created)),
                        ("$started", Timestamps.Write(created.AddSeconds(1))),
                        ("$completed", failed ? null : Timestamps.Write(created.AddSeconds(3))),
                        ("$failed", failed ? Timestamps.Write(created.AddSeconds(3)) : null));
                }
            }
            transaction.Commit();
        });
    }

    /// <summary><paramref name="perSite"/> backups of each site, an hour apart, the newest an hour ago.</summary>
    public static void SeedBackups(EmulatorState state, int perSite)
    {
        var now = state.Now;
        var sites = state.Sites.All();
        var exports = new string[sites.Count][];
        for (var s = 0; s < sites.Count; s++)
        {
            exports[s] = new string[perSite];
            for (var i = 0; i < perSite; i++) exports[s][i] = BackupWorkflow.Export(state, sites[s], now.AddHours(i - perSite));
        }
        state.Database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            for (var s = 0; s < sites.Count; s++)
                for (var i = 0; i < perSite; i++)
                    BackupStore.Add(connection, sites[s].Id, now.AddHours(i - perSite), exports[s][i]);
            transaction.Commit();
        });
    }
}
