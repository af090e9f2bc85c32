using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

public sealed class TemplateStore
{
    private const string Columns = "id, name, description, content, metadata, author, read_only, created_at, updated_at";

    private readonly EmulatorDatabase _database;

    public TemplateStore(EmulatorDatabase database) => _database = database;

    /// <summary>A few global templates, so a new user has something to list and read.</summary>
    public void SeedIfEmpty(DateTimeOffset now) => _database.Use(connection =>
    {
        using (var count = connection.Command("SELECT COUNT(*) FROM templates"))
            if ((long)count.ExecuteScalar()! > 0) return;
        var seeds = new[]
        {
            ("Set the router identity", "Names the router; replace the name before use.", "/system identity set name=\"branch-router\""),
            ("Daily configuration backup", "Saves a binary backup every day at 02:00.",
                "/system scheduler add name=daily-backup start-time=02:00:00 interval=1d on-event=\"/system backup save name=daily\""),
            ("Block Telnet", "Drops Telnet to the router, after an accept rule for the management network.",
                "/ip firewall filter add chain=input src-address=10.0.0.0/8 action=accept comment=\"management\"\n/ip firewall filter add chain=input protocol=tcp dst-port=23 action=drop comment=\"no telnet\""),
        };
        var index = 0;
        foreach (var (name, description, content) in seeds)
            Insert(connection, new TemplateRecord($"tmpl_global{++index:D4}", name, description, content, "{}", null, true, now, now));
    });

    public void Insert(TemplateRecord template) => _database.Use(connection => Insert(connection, template));

    public TemplateRecord? Find(string id) => _database.Use(connection =>
    {
        using var command = connection.Command($"SELECT {Columns} FROM templates WHERE id=$id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    /// <summary>One page of public (global) or private (<paramref name="author"/>'s) templates, oldest first, and the total.</summary>
    public (IReadOnlyList<TemplateRecord> Page, int Total) Page(bool publicOnes, string author, int page, int perPage) => _database.Use(connection =>
    {
        var filter = publicOnes ? "author IS NULL" : "author = $author";
        int total;
        using (var count = connection.Command($"SELECT COUNT(*) FROM templates WHERE {filter}", ("$author", author)))
            total = (int)(long)count.ExecuteScalar()!;
        var list = new List<TemplateRecord>();
        using var command = connection.Command($"SELECT {Columns} FROM templates WHERE {filter} ORDER BY seq LIMIT $limit OFFSET $offset",
            ("$author", author), ("$limit", perPage), ("$offset", (long)(page - 1) * perPage));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(Read(reader));
        return ((IReadOnlyList<TemplateRecord>)list, total);
    });

    public void Update(TemplateRecord template) => _database.Use(connection =>
        connection.Execute("UPDATE templates SET name=$name, description=$description, content=$content, metadata=$metadata, updated_at=$updated WHERE id=$id",
            ("$name", template.Name), ("$description", template.Description), ("$content", template.Content),
            ("$metadata", template.MetadataJson), ("$updated", Timestamps.Write(template.UpdatedAt)), ("$id", template.Id)));

    private static void Insert(SqliteConnection connection, TemplateRecord t) =>
        connection.Execute($"INSERT INTO templates ({Columns}) VALUES ($id, $name, $description, $content, $metadata, $author, $readOnly, $created, $updated)",
            ("$id", t.Id), ("$name", t.Name), ("$description", t.Description), ("$content", t.Content), ("$metadata", t.MetadataJson),
            ("$author", t.Author), ("$readOnly", t.ReadOnly ? 1 : 0), ("$created", Timestamps.Write(t.CreatedAt)), ("$updated", Timestamps.Write(t.UpdatedAt)));

    private static TemplateRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5), r.GetInt64(6) != 0,
        Timestamps.Read(r.GetString(7)), Timestamps.Read(r.GetString(8)));
}
