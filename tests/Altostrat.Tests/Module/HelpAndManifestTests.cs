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
        // Every cmdlet the manifest exports, and no other.
        var manifest = System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.RepositoryRoot, "Altostrat.psd1"));
        var exported = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((.*?)\)", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups[1].Value.Split('\n').Select(l => l.Trim().Trim('\'')).Where(l => l.Length > 0).OrderBy(n => n).ToList();
        Assert.Equal(35, exported.Count);
        Assert.Equal(exported, commands.Select(c => c[1]).OrderBy(n => n).ToList());
        Assert.All(commands, c => Assert.True(c[2] == "True" && int.Parse(c[3]) >= 2, $"{c[1]} lacks a synopsis or two examples ({c[3]})"));
        var undocumented = lines.Where(l => l.StartsWith("param|") && l.EndsWith("|False")).ToList();
        Assert.True(undocumented.Count == 0, "Undocumented parameters: " + string.Join(", ", undocumented));
        Assert.Contains(lines, l => l == "param|New-AltoScheduledScript|LaunchAt|True");
    }

    [Fact]
    public async Task Help_says_what_each_parameter_takes_as_the_cmdlet_declares_it()
    {
        // Get-Help's Required?, Position? and Accept pipeline input? against PowerShell's own view of each parameter.
        var run = await PowerShellRun.RunAsync("""
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            foreach ($c in (Get-Command -Module Altostrat)) {
                $h = Get-Help $c.Name -Full
                foreach ($p in $c.Parameters.Values) {
                    if ($common -contains $p.Name) { continue }
                    $sets = @($p.ParameterSets.Values)
                    $required = -not ($sets | Where-Object { -not $_.IsMandatory })
                    $byValue = [bool]($sets | Where-Object ValueFromPipeline)
                    $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
                    $lowest = $null
                    foreach ($set in $sets) { if ($set.Position -ge 0 -and ($null -eq $lowest -or $set.Position -lt $lowest)) { $lowest = $set.Position } }
                    $position = if ($null -ne $lowest) { "$lowest" } else { 'named' }
                    $pipeline = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
                    $help = @($h.Parameters.Parameter) | Where-Object { $_.Name -eq $p.Name }
                    "$($c.Name) -$($p.Name)|$("$required".ToLowerInvariant())|$position|$pipeline|$($help.Required)|$($help.Position)|$($help.PipelineInput)"
                }
            }
            """);

        Assert.True(run.Errors.Count == 0, run.ToString());
        var rows = run.Output.Select(o => ((string)o["text"]!).Split('|')).ToList();
        Assert.True(rows.Count > 60, $"only {rows.Count} parameters");
        var wrong = rows.Where(r => r[1] != r[4] || r[2] != r[5] || r[3] != r[6]).Select(r => string.Join(" | ", r)).ToList();
        Assert.True(wrong.Count == 0, "Help disagrees with the cmdlet (name | required | position | pipeline | then as help says):\n" + string.Join("\n", wrong));
        Assert.Contains(rows, r => r[0] == "Invoke-AltoRouterScript -ComputerName" && r[6] == "True (ByValue, ByPropertyName)");
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
