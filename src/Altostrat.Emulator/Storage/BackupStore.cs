using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

/// <summary>Configuration backups of the sites, and the backup requests the workflow has yet to carry out.</summary>
public sealed class BackupStore
{
    private readonly EmulatorDatabase _database;

    public BackupStore(EmulatorDatabase database)
    {
        _database = database;
        _database.Use(connection => connection.Execute("""
            CREATE TABLE IF NOT EXISTS backups (
                site_id TEXT NOT NULL, filename TEXT NOT NULL, created_at TEXT NOT NULL, content TEXT NOT NULL,
                PRIMARY KEY (site_id, filename));
            CREATE INDEX IF NOT EXISTS backups_newest ON backups (site_id, created_at DESC);
            CREATE TABLE IF NOT EXISTS job_backups (job_id TEXT PRIMARY KEY, filename TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS backup_requests (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, site_id TEXT NOT NULL, requested_at TEXT NOT NULL);
            """));
    }

    /// <summary>Stores a backup named after its time in unix seconds, one second later while that name is taken.</summary>
    public BackupRecord Add(string siteId, DateTimeOffset createdAt, string content) => _database.Use(connection => Add(connection, siteId, createdAt, content));

    internal static BackupRecord Add(SqliteConnection connection, string siteId, DateTimeOffset createdAt, string content)
    {
        var seconds = createdAt.ToUnixTimeSeconds();
        while (true)
        {
            var filename = seconds.ToString(CultureInfo.InvariantCulture) + ".rsc";
            using var exists = connection.Command("SELECT 1 FROM backups WHERE site_id=$site AND filename=$name", ("$site", siteId), ("$name", filename));
            if (exists.ExecuteScalar() is null)
            {
                connection.Execute("INSERT INTO backups (site_id, filename, created_at, content) VALUES ($site, $name, $at, $content)",
                    ("$site", siteId), ("$name", filename), ("$at", Timestamps.Write(createdAt)), ("$content", content));
                return new BackupRecord(siteId, filename, createdAt, content);
            }
            seconds++;
        }
    }

    /// <summary>The site's backups, newest first, without content.</summary>
    public IReadOnlyList<(string Filename, DateTimeOffset CreatedAt, long Size)> List(string siteId) => _database.Use(connection =>
    {
        var list = new List<(string, DateTimeOffset, long)>();
        using var command = connection.Command("SELECT filename, created_at, length(CAST(content AS BLOB)) FROM backups WHERE site_id=$site ORDER BY created_at DESC, filename DESC", ("$site", siteId));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), Timestamps.Read(reader.GetString(1)), reader.GetInt64(2)));
        return list;
    });

    public BackupRecord? Find(string siteId, string filename) => _database.Use(connection =>
    {
        using var command = connection.Command("SELECT filename, created_at, content FROM backups WHERE site_id=$site AND filename=$name", ("$site", siteId), ("$name", filename));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new BackupRecord(siteId, reader.GetString(0), Timestamps.Read(reader.GetString(1)), reader.GetString(2)) : null;
    });

    public BackupRecord? Latest(string siteId) => _database.Use(connection =>
    {
        using var command = connection.Command("SELECT filename, created_at, content FROM backups WHERE site_id=$site ORDER BY created_at DESC, filename DESC LIMIT 1", ("$site", siteId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new BackupRecord(siteId, reader.GetString(0), Timestamps.Read(reader.GetString(1)), reader.GetString(2)) : null;
    });

    /// <summary>Records the backup a job made before it ran (its <c>associated_backup</c>).</summary>
    public void Associate(string jobId, string filename) => _database.Use(connection =>
        connection.Execute("INSERT OR REPLACE INTO job_backups (job_id, filename) VALUES ($job, $name)", ("$job", jobId), ("$name", filename)));

    public string? AssociatedWith(string jobId) => _database.Use(connection =>
    {
        using var command = connection.Command("SELECT filename FROM job_backups WHERE job_id=$job", ("$job", jobId));
        return command.ExecuteScalar() as string;
    });

    public void Request(string siteId, DateTimeOffset at) => _database.Use(connection =>
        connection.Execute("INSERT INTO backup_requests (site_id, requested_at) VALUES ($site, $at)", ("$site", siteId), ("$at", Timestamps.Write(at))));

    /// <summary>Removes and returns the requests made at or before <paramref name="dueBy"/>.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset dueBy) => _database.Use(connection =>
    {
        var sites = new List<string>();
        using (var command = connection.Command("SELECT site_id FROM backup_requests WHERE requested_at <= $due ORDER BY seq", ("$due", Timestamps.Write(dueBy))))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) sites.Add(reader.GetString(0));
        if (sites.Count > 0) connection.Execute("DELETE FROM backup_requests WHERE requested_at <= $due", ("$due", Timestamps.Write(dueBy)));
        return sites;
    });

    /// <summary>A readable size as the API writes it: <c>12.3KB</c>.</summary>
    public static string FormatSize(long bytes) =>
        bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + "B"
        : bytes < 1024 * 1024 ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + "KB"
        : (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + "MB";
}
