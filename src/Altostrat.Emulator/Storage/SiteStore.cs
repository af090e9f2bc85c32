using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

public sealed class SiteStore
{
    private static readonly string[] Towns = { "Johannesburg", "Cape Town", "Durban", "Pretoria", "Gqeberha", "Bloemfontein", "Polokwane", "Nelspruit" };
    private static readonly string[] Models = { "RB5009UG+S+IN", "CCR2004-1G-12S+2XS", "hAP ax3", "CRS326-24G-2S+RM" };

    private readonly EmulatorDatabase _database;

    public SiteStore(EmulatorDatabase database) => _database = database;

    /// <summary>Deterministic site ids (<c>site_emu0001</c>...), so demos and tests can name them.</summary>
    public static string SiteId(int number) => "site_emu" + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Creates <paramref name="count"/> sites in an empty database, reporting the version their simulated routers run;
    /// an existing one keeps its sites.
    /// </summary>
    public void SeedIfEmpty(int count, DateTimeOffset now, string softwareVersion) => _database.Use(connection =>
    {
        using (var existing = connection.Command("SELECT COUNT(*) FROM sites"))
            if ((long)existing.ExecuteScalar()! > 0) return;
        using var transaction = connection.BeginTransaction();
        for (var i = 1; i <= count; i++)
        {
            connection.Execute("INSERT INTO sites (id, name, model, software_version, serial_number, has_pulse, last_seen_at) " +
                "VALUES ($id, $name, $model, $version, $serial, 1, $seen)",
                ("$id", SiteId(i)), ("$name", $"Branch {i} ({Towns[(i - 1) % Towns.Length]})"), ("$model", Models[(i - 1) % Models.Length]),
                ("$version", softwareVersion), ("$serial", "HE" + (0x9A000 + i * 37).ToString("X6", CultureInfo.InvariantCulture)),
                ("$seen", Timestamps.Write(now)));
        }
        transaction.Commit();
    });

    private const string Columns = "id, name, model, software_version, serial_number, has_pulse, last_seen_at";

    public IReadOnlyList<SiteRecord> All() => _database.Use(connection =>
    {
        var list = new List<SiteRecord>();
        using var command = connection.Command($"SELECT {Columns} FROM sites ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    });

    public SiteRecord? Find(string id) => _database.Use(connection =>
    {
        using var command = connection.Command($"SELECT {Columns} FROM sites WHERE id=$id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    public void SetPulse(string id, bool hasPulse) => _database.Use(connection =>
        connection.Execute("UPDATE sites SET has_pulse=$p WHERE id=$id", ("$p", hasPulse ? 1 : 0), ("$id", id)));

    private static SiteRecord Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        reader.GetString(4), reader.GetInt64(5) != 0, Timestamps.Read(reader.GetString(6)));
}
