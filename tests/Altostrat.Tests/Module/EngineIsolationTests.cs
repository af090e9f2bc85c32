using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using Xunit;
using static Altostrat.Tests.Support.PowerShellRun;

namespace Altostrat.Tests.Module;

/// <summary>
/// The cmdlet assembly sees the isolated engine's libraries through the engine only: on PowerShell 7 a type of
/// System.Text.Json that the cmdlets named would be another load context's type, never the one thrown.
/// </summary>
public sealed class EngineIsolationTests
{
    [Fact]
    public void The_cmdlet_assembly_references_no_library_of_dependencies_but_the_engine()
    {
        var moduleDir = Path.GetDirectoryName(Paths.ModuleManifest)!;
        var isolated = Directory.GetFiles(Path.Combine(moduleDir, "dependencies"), "*.dll")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("System.Text.Json", isolated);

        using var file = File.OpenRead(Path.Combine(moduleDir, "Altostrat.PowerShell.dll"));
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

        Assert.Contains(references, r => r.StartsWith("Altostrat.", StringComparison.Ordinal));
        var leaked = references.Where(r => isolated.Contains(r) && !r.StartsWith("Altostrat.", StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "The cmdlets reference isolated libraries directly: " + string.Join(", ", leaked));
    }

    [Fact]
    public async Task A_malformed_timestamp_from_the_API_is_an_invalid_response_error()
    {
        await using var api = new CannedHttpServer(200, """
            [{"id":"018f5bda-4690-4432-8472-358b2734f19b","created_by":"auth0|1","test_site_id":null,"make_backup":false,
              "abort_if_offline":false,"description":"x","summary":null,"script":"/x","status":"unauthorized",
              "authorized_at":null,"cancelled_at":null,"launch_at":"next tuesday","t_minus":"soon","started_at":null,
              "sites":["site_1"],"notify":[],"progress":{"completed":[],"failed":[],"pending":[]},
              "created_at":"2025-11-01T02:00:00.000000Z","updated_at":"2025-11-01T02:00:00.000000Z"}]
            """);
        var run = await RunAsync($"""
            Connect-Altostrat -ApiUrl '{api.Url}' -Token ([System.Net.NetworkCredential]::new('', 'canned').SecurePassword)
            Get-AltoScheduledScript
            """);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("AltostratApi.InvalidResponse", (string?)error["id"]);
        Assert.Contains("next tuesday", (string?)error["message"]);
        Assert.True(api.Requests >= 1);
    }

    [Fact]
    public async Task A_site_id_with_folder_parts_saves_its_backup_inside_the_folder_asked_for()
    {
        await using var api = new CannedHttpServer(200, """{ "filename": "../b.rsc", "content": "/system identity print" }""");
        var root = Directory.CreateTempSubdirectory("alto-backup-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "a", "backups")).FullName;
            var run = await RunAsync($"""
                Connect-Altostrat -ApiUrl '{api.Url}' -Token ([System.Net.NetworkCredential]::new('', 'canned').SecurePassword)
                (Get-AltoBackup -SiteId '../../escaped' -Filename 'b.rsc' -OutFile '{folder}/').SavedTo
                (Get-AltoBackup -SiteId 'NUL.x' -Filename 'b.rsc' -OutFile '{folder}/').SavedTo
                """);

            Assert.Empty(run.Errors);
            var saved = Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.All(saved, file => Assert.Equal(folder, Path.GetDirectoryName(file)));
            // A Windows device name (NUL.x is NUL there) is never a file name either.
            Assert.Equal(new[] { "_.._.._escaped_b.rsc", "_NUL.x_b.rsc" }, saved.Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
