using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Module;

/// <summary>
/// The repository's PowerShell files (the Pester suite, build.ps1, scripts/, the module benchmark) go through PowerShell's own
/// parser, so a syntax slip shows up here and not only where pwsh runs them.
/// </summary>
public sealed class PowerShellScriptSyntaxTests
{
    [Fact]
    public async Task Every_PowerShell_file_in_the_repository_parses()
    {
        var files = new[] { "*.ps1", "*.psm1" }
            .SelectMany(pattern => Directory.GetFiles(Paths.RepositoryRoot, pattern, SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();
        Assert.Contains(files, f => f.EndsWith("build.ps1"));
        Assert.Contains(files, f => f.EndsWith("Demo.ps1"));
        var list = string.Join(", ", files.Select(f => $"'{f}'"));

        var run = await PowerShellRun.RunAsync($$"""
            foreach ($file in {{list}}) {
                $tokens = $null; $errors = $null
                $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
                foreach ($e in $errors) { 'ERROR {0}:{1}: {2}' -f $file, $e.Extent.StartLineNumber, $e.Message }
                'parsed {0} ({1} statements)' -f [System.IO.Path]::GetFileName($file), $ast.EndBlock.Statements.Count
            }
            """);

        var lines = run.Output.Select(o => (string?)o["text"] ?? "").ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("ERROR"));
        Assert.Equal(files.Count, lines.Count(l => l.StartsWith("parsed")));
    }

    // out/ holds the built module and packages; bin/ and obj/ hold build output that may copy scripts around.
    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(Paths.RepositoryRoot, path).Replace('\\', '/');
        return relative.StartsWith("out/") || relative.StartsWith(".git/") || relative.Contains("/bin/") || relative.Contains("/obj/");
    }
}
