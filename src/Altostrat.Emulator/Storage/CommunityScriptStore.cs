using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Altostrat.Emulator.Storage;

public sealed class CommunityScriptStore
{
    private const string Columns = "id, name, description, github_url, readme_url, raw_url, content, sha, repository_name, repository_url, user_name, user_url, created_at";

    private readonly EmulatorDatabase _database;

    public CommunityScriptStore(EmulatorDatabase database) => _database = database;

    /// <summary>The published scripts the emulator starts with, so reading one works without a submission first.</summary>
    public void SeedIfEmpty(DateTimeOffset now) => _database.Use(connection =>
    {
        using (var count = connection.Command("SELECT COUNT(*) FROM community_scripts"))
            if ((long)count.ExecuteScalar()! > 0) return;
        foreach (var script in Seeds(now)) Insert(connection, script);
    });

    /// <summary>
    /// The seeded scripts, with their content. The help examples queue them on sites, where the simulated routers run
    /// them (see ScriptInterpreter): so they use only what the simulator runs (menu commands with literal values,
    /// :log), no variables, :if or code blocks, and a test runs each one on a simulated router.
    /// </summary>
    public static CommunityScriptRecord[] Seeds(DateTimeOffset now) => new[]
    {
        Published("cs_emu0001", "nightly-backup", "Saves a backup and a readable export of the configuration as nightly.backup and nightly.rsc.",
            "# A binary backup and a readable export side by side in Files, for a nightly schedule to run and collect.\n" +
            "/system backup save name=nightly dont-encrypt=yes\n" +
            "/export file=nightly\n" +
            ":log info \"nightly-backup: nightly.backup and nightly.rsc saved\"\n", now),
        Published("cs_emu0002", "dns-failover", "Sets a second DNS server, which RouterOS asks when the primary stops answering.",
            "# Two upstream resolvers in order: RouterOS falls over to the second when the first stops answering.\n" +
            "/ip dns set servers=9.9.9.9,1.1.1.1\n" +
            ":log info \"dns-failover: DNS servers 9.9.9.9, then 1.1.1.1\"\n", now),
    };

    public void Insert(CommunityScriptRecord script) => _database.Use(connection => Insert(connection, script));

    public CommunityScriptRecord? Find(string id) => FindBy("id", id);

    public CommunityScriptRecord? FindByGithubUrl(string githubUrl) => FindBy("github_url", githubUrl);

    /// <summary>Git's blob id for the content, as GitHub reports it: SHA-1 of "blob {length}\0{content}".</summary>
    public static string BlobSha(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
        var all = new byte[header.Length + bytes.Length];
        header.CopyTo(all, 0);
        bytes.CopyTo(all, header.Length);
        return Convert.ToHexStringLower(SHA1.HashData(all));
    }

    private CommunityScriptRecord? FindBy(string column, string value) => _database.Use(connection =>
    {
        using var command = connection.Command($"SELECT {Columns} FROM community_scripts WHERE {column}=$value", ("$value", value));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    private static CommunityScriptRecord Published(string id, string name, string description, string content, DateTimeOffset now) => new(
        id, name, description, $"https://github.com/altostrat-community/routeros-scripts/blob/main/{name}.rsc",
        "https://github.com/altostrat-community/routeros-scripts/blob/main/README.md",
        $"https://raw.githubusercontent.com/altostrat-community/routeros-scripts/main/{name}.rsc", content, BlobSha(content),
        "routeros-scripts", "https://github.com/altostrat-community/routeros-scripts", "altostrat-community", "https://github.com/altostrat-community", now);

    private static void Insert(SqliteConnection connection, CommunityScriptRecord s) =>
        connection.Execute($"INSERT INTO community_scripts ({Columns}) VALUES ($id, $name, $description, $github, $readme, $raw, $content, $sha, $repo, $repoUrl, $user, $userUrl, $created)",
            ("$id", s.Id), ("$name", s.Name), ("$description", s.Description), ("$github", s.GithubUrl), ("$readme", s.ReadmeUrl), ("$raw", s.RawUrl),
            ("$content", s.Content), ("$sha", s.Sha), ("$repo", s.RepositoryName), ("$repoUrl", s.RepositoryUrl), ("$user", s.UserName),
            ("$userUrl", s.UserUrl), ("$created", Timestamps.Write(s.CreatedAt)));

    private static CommunityScriptRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.NullableString(4), r.GetString(5), r.NullableString(6),
        r.NullableString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), Timestamps.Read(r.GetString(12)));
}
