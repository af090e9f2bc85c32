using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

public sealed class JobStore
{
    private const string Columns = "id, site_id, idempotency_key, request_id, description, script, make_backup, express_execute, " +
        "needs_acknowledgement, notify_url, created_at, started_at, completed_at, failed_at";

    private readonly EmulatorDatabase _database;

    public JobStore(EmulatorDatabase database) => _database = database;

    /// <summary>Adds the job unless one with the same idempotency key exists for the site; returns the one that is stored.</summary>
    public (JobRecord Job, bool Created) AddOnce(JobRecord job) => _database.Use(connection =>
    {
        var existing = FindByKey(connection, job.SiteId, job.IdempotencyKey);
        if (existing is not null) return (existing, false);
        connection.Execute($"INSERT INTO jobs ({Columns}) VALUES ($id, $site, $key, $request, $description, $script, $backup, $express, $ack, $notify, $created, NULL, NULL, NULL)",
            ("$id", job.Id), ("$site", job.SiteId), ("$key", job.IdempotencyKey), ("$request", job.RequestId), ("$description", job.Description),
            ("$script", job.Script), ("$backup", job.MakeBackup ? 1 : 0), ("$express", job.ExpressExecute ? 1 : 0),
            ("$ack", job.NeedsAcknowledgement ? 1 : 0), ("$notify", job.NotifyUrl), ("$created", Timestamps.Write(job.CreatedAt)));
        return (job, true);
    });

    public IReadOnlyList<JobRecord> ForSite(string siteId) => _database.Use(connection =>
    {
        var list = new List<JobRecord>();
        using var command = connection.Command($"SELECT {Columns} FROM jobs WHERE site_id=$site ORDER BY created_at", ("$site", siteId));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    });

    public IReadOnlyList<JobRecord> Unfinished() => _database.Use(connection =>
    {
        var list = new List<JobRecord>();
        using var command = connection.Command($"SELECT {Columns} FROM jobs WHERE completed_at IS NULL AND failed_at IS NULL");
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    });

    public void MarkStarted(string id, DateTimeOffset at) => _database.Use(connection =>
        connection.Execute("UPDATE jobs SET started_at=$at WHERE id=$id", ("$at", Timestamps.Write(at)), ("$id", id)));

    public void MarkFinished(string id, bool failed, DateTimeOffset at) => _database.Use(connection =>
        connection.Execute(failed ? "UPDATE jobs SET failed_at=$at WHERE id=$id" : "UPDATE jobs SET completed_at=$at WHERE id=$id",
            ("$at", Timestamps.Write(at)), ("$id", id)));

    /// <summary>Removes a job that has not started; false when it has (or does not exist: see <paramref name="found"/>).</summary>
    public bool RemoveIfNotStarted(string siteId, string jobId, out bool found)
    {
        var result = _database.Use<(bool Found, bool Removed)>(connection =>
        {
            using var command = connection.Command("SELECT started_at FROM jobs WHERE id=$id AND site_id=$site", ("$id", jobId), ("$site", siteId));
            var startedAt = command.ExecuteScalar();
            if (startedAt is null) return (Found: false, Removed: false);
            if (startedAt is not DBNull) return (true, false);
            connection.Execute("DELETE FROM jobs WHERE id=$id", ("$id", jobId));
            return (true, true);
        });
        found = result.Found;
        return result.Removed;
    }

    private static JobRecord? FindByKey(SqliteConnection connection, string siteId, string key)
    {
        using var command = connection.Command($"SELECT {Columns} FROM jobs WHERE site_id=$site AND idempotency_key=$key", ("$site", siteId), ("$key", key));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static JobRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        r.GetInt64(6) != 0, r.GetInt64(7) != 0, r.GetInt64(8) != 0, r.NullableString(9), Timestamps.Read(r.GetString(10)),
        Timestamps.ReadNullable(r.NullableString(11)), Timestamps.ReadNullable(r.NullableString(12)), Timestamps.ReadNullable(r.NullableString(13)));
}
