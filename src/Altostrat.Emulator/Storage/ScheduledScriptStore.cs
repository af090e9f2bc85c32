using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

public sealed class ScheduledScriptStore
{
    private const string Columns = "id, created_by, test_site_id, make_backup, abort_if_offline, description, summary, script, status, " +
        "authorization_requested_at, authorized_at, cancelled_at, launch_at, started_at, sites, notify, created_at, updated_at";

    private readonly EmulatorDatabase _database;

    public ScheduledScriptStore(EmulatorDatabase database) => _database = database;

    public void Insert(ScheduledScriptRecord record) => _database.Use(connection =>
        connection.Execute($"INSERT INTO scheduled_scripts ({Columns}) VALUES ($id, $created_by, $test_site_id, $make_backup, $abort_if_offline, " +
            "$description, $summary, $script, $status, $authorization_requested_at, $authorized_at, $cancelled_at, $launch_at, $started_at, " +
            "$sites, $notify, $created_at, $updated_at)", Parameters(record)));

    public void Update(ScheduledScriptRecord record) => _database.Use(connection =>
        connection.Execute("UPDATE scheduled_scripts SET created_by=$created_by, test_site_id=$test_site_id, make_backup=$make_backup, " +
            "abort_if_offline=$abort_if_offline, description=$description, summary=$summary, script=$script, status=$status, " +
            "authorization_requested_at=$authorization_requested_at, authorized_at=$authorized_at, cancelled_at=$cancelled_at, " +
            "launch_at=$launch_at, started_at=$started_at, sites=$sites, notify=$notify, created_at=$created_at, updated_at=$updated_at " +
            "WHERE id=$id", Parameters(record)));

    public ScheduledScriptRecord? Find(string id) => _database.Use(connection =>
    {
        using var command = connection.Command($"SELECT {Columns} FROM scheduled_scripts WHERE id=$id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    });

    /// <summary>Every script in creation order, a page at a time so that a long list never holds the lock for long.</summary>
    public IEnumerable<ScheduledScriptRecord> All(int pageSize = 500)
    {
        foreach (var page in Pages(pageSize, withRuns: false))
            foreach (var (record, _) in page) yield return record;
    }

    /// <summary>Every script with its progress: two queries a page (its scripts, then all their site runs), not one per script.</summary>
    public IEnumerable<(ScheduledScriptRecord Record, ScriptProgress Progress)> AllWithProgress(int pageSize = 500)
    {
        foreach (var page in Pages(pageSize, withRuns: true))
            foreach (var (record, runs) in page) yield return (record, ProgressOf(record, runs!));
    }

    private IEnumerable<List<(ScheduledScriptRecord Record, Dictionary<string, string>? Runs)>> Pages(int pageSize, bool withRuns)
    {
        long after = 0;
        while (true)
        {
            var (page, last) = _database.Use(connection =>
            {
                var rows = new List<(ScheduledScriptRecord Record, Dictionary<string, string>? Runs)>(pageSize);
                long lastSeq = after;
                using (var command = connection.Command($"SELECT seq, {Columns} FROM scheduled_scripts WHERE seq > $after ORDER BY seq LIMIT $limit",
                    ("$after", after), ("$limit", pageSize)))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        lastSeq = reader.GetInt64(0);
                        rows.Add((ReadRecord(reader, 1), withRuns ? new Dictionary<string, string>(StringComparer.Ordinal) : null));
                    }
                }
                if (withRuns && rows.Count > 0)
                {
                    var byScript = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                    foreach (var row in rows) byScript[row.Record.Id] = row.Runs!;
                    using var runs = connection.Command(
                        "SELECT r.script_id, r.site_id, r.state FROM site_runs r JOIN scheduled_scripts s ON s.id = r.script_id WHERE s.seq > $after AND s.seq <= $last",
                        ("$after", after), ("$last", lastSeq));
                    using var reader = runs.ExecuteReader();
                    while (reader.Read())
                        if (byScript.TryGetValue(reader.GetString(0), out var states)) states[reader.GetString(1)] = reader.GetString(2);
                }
                return (rows, lastSeq);
            });
            yield return page;
            if (page.Count < pageSize) yield break;
            after = last;
        }
    }

    /// <summary>Unauthorized scripts whose authorization was requested at or before <paramref name="requestedBy"/>.</summary>
    public IReadOnlyList<ScheduledScriptRecord> AwaitingApproval(DateTimeOffset requestedBy) => Query(
        "status=$status AND authorization_requested_at IS NOT NULL AND authorization_requested_at <= $at", ScriptStatus.Unauthorized, requestedBy);

    /// <summary>Scheduled scripts whose launch time has come.</summary>
    public IReadOnlyList<ScheduledScriptRecord> DueToLaunch(DateTimeOffset now) => Query("status=$status AND launch_at <= $at", ScriptStatus.Scheduled, now);

    // The workflow asks every tick: only the rows that are due are read (timestamps are fixed-width UTC text, so
    // they compare as strings), never the whole table.
    private IReadOnlyList<ScheduledScriptRecord> Query(string where, string status, DateTimeOffset at) => _database.Use(connection =>
    {
        var list = new List<ScheduledScriptRecord>();
        using var command = connection.Command($"SELECT {Columns} FROM scheduled_scripts WHERE {where}", ("$status", status), ("$at", Timestamps.Write(at)));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(ReadRecord(reader));
        return list;
    });

    public void StartSiteRuns(string scriptId, IEnumerable<(string SiteId, string State)> runs, DateTimeOffset finishAt) => _database.Use(connection =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var (siteId, state) in runs)
            connection.Execute("INSERT OR REPLACE INTO site_runs (script_id, site_id, state, finish_at) VALUES ($s, $site, $state, $finish)",
                ("$s", scriptId), ("$site", siteId), ("$state", state), ("$finish", Timestamps.Write(finishAt)));
        transaction.Commit();
    });

    /// <summary>Pending site runs whose time has come: (script, site, abort-if-offline flag).</summary>
    public IReadOnlyList<(string ScriptId, string SiteId)> DueSiteRuns(DateTimeOffset now) => _database.Use(connection =>
    {
        var list = new List<(string, string)>();
        using var command = connection.Command("SELECT script_id, site_id FROM site_runs WHERE state=$pending AND finish_at <= $now",
            ("$pending", SiteRunState.Pending), ("$now", Timestamps.Write(now)));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    });

    public void FinishSiteRun(string scriptId, string siteId, string state) => _database.Use(connection =>
        connection.Execute("UPDATE site_runs SET state=$state WHERE script_id=$s AND site_id=$site",
            ("$state", state), ("$s", scriptId), ("$site", siteId)));

    /// <summary>Where each site of <paramref name="record"/> stands; sites that have not started are pending.</summary>
    public ScriptProgress Progress(ScheduledScriptRecord record)
    {
        var states = _database.Use(connection =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            using var command = connection.Command("SELECT site_id, state FROM site_runs WHERE script_id=$s", ("$s", record.Id));
            using var reader = command.ExecuteReader();
            while (reader.Read()) map[reader.GetString(0)] = reader.GetString(1);
            return map;
        });
        return ProgressOf(record, states);
    }

    private static ScriptProgress ProgressOf(ScheduledScriptRecord record, Dictionary<string, string> states)
    {
        var completed = new List<string>();
        var failed = new List<string>();
        var pending = new List<string>();
        foreach (var site in record.Sites)
        {
            var state = states.TryGetValue(site, out var s) ? s : SiteRunState.Pending;
            (state == SiteRunState.Completed ? completed : state == SiteRunState.Failed ? failed : pending).Add(site);
        }
        return new ScriptProgress(completed, failed, pending);
    }

    private static (string, object?)[] Parameters(ScheduledScriptRecord r) => new (string, object?)[]
    {
        ("$id", r.Id), ("$created_by", r.CreatedBy), ("$test_site_id", r.TestSiteId), ("$make_backup", r.MakeBackup ? 1 : 0),
        ("$abort_if_offline", r.AbortIfOffline ? 1 : 0), ("$description", r.Description), ("$summary", r.Summary), ("$script", r.Script),
        ("$status", r.Status), ("$authorization_requested_at", Timestamps.Write(r.AuthorizationRequestedAt)),
        ("$authorized_at", Timestamps.Write(r.AuthorizedAt)), ("$cancelled_at", Timestamps.Write(r.CancelledAt)),
        ("$launch_at", Timestamps.Write(r.LaunchAt)), ("$started_at", Timestamps.Write(r.StartedAt)),
        ("$sites", JsonSerializer.Serialize(r.Sites)), ("$notify", JsonSerializer.Serialize(r.Notify)),
        ("$created_at", Timestamps.Write(r.CreatedAt)), ("$updated_at", Timestamps.Write(r.UpdatedAt)),
    };

    private static ScheduledScriptRecord ReadRecord(SqliteDataReader reader, int first = 0) => new()
    {
        Id = reader.GetString(first),
        CreatedBy = reader.GetString(first + 1),
        TestSiteId = reader.NullableString(first + 2),
        MakeBackup = reader.GetInt64(first + 3) != 0,
        AbortIfOffline = reader.GetInt64(first + 4) != 0,
        Description = reader.GetString(first + 5),
        Summary = reader.NullableString(first + 6),
        Script = reader.GetString(first + 7),
        Status = reader.GetString(first + 8),
        AuthorizationRequestedAt = Timestamps.ReadNullable(reader.NullableString(first + 9)),
        AuthorizedAt = Timestamps.ReadNullable(reader.NullableString(first + 10)),
        CancelledAt = Timestamps.ReadNullable(reader.NullableString(first + 11)),
        LaunchAt = Timestamps.Read(reader.GetString(first + 12)),
        StartedAt = Timestamps.ReadNullable(reader.NullableString(first + 13)),
        Sites = JsonSerializer.Deserialize<List<string>>(reader.GetString(first + 14)) ?? new(),
        Notify = JsonSerializer.Deserialize<List<string>>(reader.GetString(first + 15)) ?? new(),
        CreatedAt = Timestamps.Read(reader.GetString(first + 16)),
        UpdatedAt = Timestamps.Read(reader.GetString(first + 17)),
    };
}
