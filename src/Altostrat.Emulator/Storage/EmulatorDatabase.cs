using System;
using System.Threading;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

/// <summary>
/// The emulator's SQLite state. One connection serialised by a lock: the emulator serves a handful of clients,
/// and a single writer keeps the workflow's transitions atomic without retry loops.
/// </summary>
public sealed class EmulatorDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public EmulatorDatabase(string? path)
    {
        var connectionString = path is null
            ? $"Data Source=alto-emulator-{Guid.NewGuid():N};Mode=Memory;Cache=Shared"
            : new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS sites (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, model TEXT NOT NULL, software_version TEXT NOT NULL,
                serial_number TEXT NOT NULL, has_pulse INTEGER NOT NULL, last_seen_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS scheduled_scripts (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, created_by TEXT NOT NULL,
                test_site_id TEXT, make_backup INTEGER NOT NULL, abort_if_offline INTEGER NOT NULL,
                description TEXT NOT NULL, summary TEXT, script TEXT NOT NULL, status TEXT NOT NULL,
                authorization_requested_at TEXT, authorized_at TEXT, cancelled_at TEXT, launch_at TEXT NOT NULL,
                started_at TEXT, sites TEXT NOT NULL, notify TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS scheduled_scripts_due ON scheduled_scripts (status, launch_at);
            CREATE TABLE IF NOT EXISTS site_runs (
                script_id TEXT NOT NULL, site_id TEXT NOT NULL, state TEXT NOT NULL, finish_at TEXT NOT NULL,
                PRIMARY KEY (script_id, site_id));
            CREATE TABLE IF NOT EXISTS jobs (
                id TEXT PRIMARY KEY, site_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, request_id TEXT NOT NULL,
                description TEXT NOT NULL, script TEXT NOT NULL, make_backup INTEGER NOT NULL, express_execute INTEGER NOT NULL,
                needs_acknowledgement INTEGER NOT NULL, notify_url TEXT, created_at TEXT NOT NULL,
                started_at TEXT, completed_at TEXT, failed_at TEXT, UNIQUE (site_id, idempotency_key));
            CREATE TABLE IF NOT EXISTS templates (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL,
                content TEXT NOT NULL, metadata TEXT NOT NULL, author TEXT, read_only INTEGER NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS community_scripts (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,
                github_url TEXT NOT NULL UNIQUE, readme_url TEXT, raw_url TEXT NOT NULL, content TEXT, sha TEXT,
                repository_name TEXT NOT NULL, repository_url TEXT NOT NULL, user_name TEXT NOT NULL, user_url TEXT NOT NULL,
                created_at TEXT NOT NULL);
            """);
    }

    /// <summary>Runs <paramref name="work"/> with the connection, alone.</summary>
    public T Use<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate) return work(_connection);
    }

    public void Use(Action<SqliteConnection> work)
    {
        lock (_gate) work(_connection);
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
