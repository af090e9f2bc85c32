using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Module;

/// <summary>
/// The repository's PowerShell files (the Pester suite, build.ps1, the module benchmark) go through PowerShell's own
/// parser, so a syntax slip shows up here and not only where pwsh runs them.
/// </summary>
public sealed class PowerShellScriptSyntaxTests
{
    [Fact]
    public async Task Every_PowerShell_file_in_the_repository_parses()
    {
        var files = Directory.GetFiles(Path.Combine(Paths.RepositoryRoot, "tests", "Pester"), "*.ps1")
            .Append(Path.Combine(Paths.RepositoryRoot, "build.ps1"))
            .Append(Path.Combine(Paths.RepositoryRoot, "bench", "Measure-Module.ps1"))
            .ToList();
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
}
