using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Module;

public sealed class HelpAndManifestTests
{
    [Fact]
    public async Task Every_cmdlet_and_parameter_is_documented_with_at_least_two_examples()
    {
        var run = await PowerShellRun.RunAsync("""
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            foreach ($c in (Get-Command -Module Altostrat)) {
                $h = Get-Help $c.Name -Full
                $synopsis = "$($h.Synopsis)".Trim()
                $documented = $synopsis.Length -gt 0 -and -not $synopsis.StartsWith($c.Name)
                "cmd|$($c.Name)|$documented|$(@($h.Examples.Example).Count)"
                foreach ($p in $c.Parameters.Keys) {
                    if ($common -contains $p) { continue }
                    $text = (@($h.Parameters.Parameter) | Where-Object { $_.Name -eq $p }).Description.Text -join ' '
                    "param|$($c.Name)|$p|$($text.Trim().Length -gt 0)"
                }
            }
            """);
        var lines = run.Output.Select(o => (string)o["text"]!).ToList();
        Assert.True(run.Errors.Count == 0, run.ToString());
        var commands = lines.Where(l => l.StartsWith("cmd|")).Select(l => l.Split('|')).ToList();
        Assert.Equal(18, commands.Count);
        Assert.All(commands, c => Assert.True(c[2] == "True" && int.Parse(c[3]) >= 2, $"{c[1]} lacks a synopsis or two examples ({c[3]})"));
        var undocumented = lines.Where(l => l.StartsWith("param|") && l.EndsWith("|False")).ToList();
        Assert.True(undocumented.Count == 0, "Undocumented parameters: " + string.Join(", ", undocumented));
        Assert.Contains(lines, l => l == "param|New-AltoScheduledScript|LaunchAt|True");
    }

    [Fact]
    public async Task The_manifest_exports_exactly_the_cmdlets_the_assembly_defines_and_carries_one_version()
    {
        var run = await PowerShellRun.RunAsync("""
            $m = Get-Module Altostrat
            $assembly = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Altostrat.PowerShell' }
            $defined = foreach ($type in $assembly.GetExportedTypes()) {
                $attribute = @($type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false))[0]
                if ($attribute) { $attribute.VerbName + '-' + $attribute.NounName }
            }
            "version=$($m.Version)"
            "assembly=$($assembly.GetName().Version)"
            "exported=$($m.ExportedCmdlets.Keys -join ',')"
            "defined=$($defined -join ',')"
            """.Replace("| Select-Object -First 1", ""));
        var texts = run.Output.ToDictionary(o => ((string)o["text"]!).Split('=')[0], o => ((string)o["text"]!).Split('=', 2)[1]);
        Assert.True(run.Errors.Count == 0, run.ToString());
        Assert.Equal(Paths.ModuleVersion, texts["version"]);
        Assert.StartsWith(Paths.ModuleVersion, texts["assembly"]);
        var exported = texts["exported"].Split(',').OrderBy(x => x).ToArray();
        var defined = texts["defined"].Split(',').OrderBy(x => x).ToArray();
        Assert.Equal(defined, exported);

        var manifest = File.ReadAllText(Paths.ModuleManifest);
        foreach (var field in new[] { "CompatiblePSEditions", "PowerShellVersion\\s*=\\s*'5.1'", "FormatsToProcess", "Tags", "ProjectUri", "LicenseUri", "ReleaseNotes" })
            Assert.Matches(new Regex(field), manifest);
    }
}
