using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Altostrat.Tests.Support;

/// <summary>
/// Runs a script in a fresh process on the PowerShell engine with the built module imported, and collects every
/// stream. This is what a user's pwsh does with the module, minus the console.
/// </summary>
public sealed class PowerShellRun
{
    private PowerShellRun(List<JsonObject> lines, string stderr)
    {
        Lines = lines;
        StandardError = stderr;
    }

    public List<JsonObject> Lines { get; }
    public string StandardError { get; }

    public IEnumerable<JsonObject> Stream(string name) => Lines.Where(l => (string?)l["stream"] == name);
    public List<JsonObject> Output => Stream("output").ToList();
    public List<JsonObject> Errors => Stream("error").Concat(Stream("terminating")).ToList();
    public List<string> Warnings => Stream("warning").Select(l => (string)l["message"]!).ToList();
    public List<string> HostLines => Stream("host").Select(l => (string)l["message"]!).ToList();

    public static string Property(JsonObject output, string name) => output["properties"]?[name]?.ToString() ?? "";

    /// <summary>
    /// Runs <paramref name="script"/> after importing the module and, when <paramref name="emulator"/> is given,
    /// connecting to it. Prompts are answered "no", or fail as in a runbook when <paramref name="interactive"/> is false.
    /// With <paramref name="stopOn"/> ("first-output" or "first-progress") the pipeline is stopped, as Ctrl+C stops
    /// it, once the first object or progress record comes out. A credential prompt is answered with
    /// <paramref name="typedCredential"/> ("user:password"), or fails when it is null.
    /// </summary>
    public static async Task<PowerShellRun> RunAsync(string script, Altostrat.Emulator.EmulatorHost? emulator = null, bool connect = true, bool interactive = true,
        string? stopOn = null, string? typedCredential = null)
    {
        var prelude = $"$ErrorActionPreference = 'Continue'\nImport-Module '{Paths.ModuleManifest}' -ErrorAction Stop\n";
        if (emulator is not null && connect)
            prelude += $"Connect-Altostrat -ApiUrl '{emulator.Url}' -Token ([System.Net.NetworkCredential]::new('', '{emulator.Token}').SecurePassword)\n";
        var file = Path.Combine(Path.GetTempPath(), $"alto-test-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(file, prelude + script);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Paths.TestHost);
            start.ArgumentList.Add(file);
            start.Environment.Remove("ALTOSTRAT_TOKEN");
            start.Environment.Remove("ALTOSTRAT_API_URL");
            if (!interactive) start.Environment["ALTOSTRAT_TESTHOST_NONINTERACTIVE"] = "1";
            if (stopOn is not null) start.Environment["ALTOSTRAT_TESTHOST_STOP"] = stopOn;
            if (typedCredential is not null) start.Environment["ALTOSTRAT_TESTHOST_CREDENTIAL"] = typedCredential;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The PowerShell test host did not finish within 2 minutes.\n" + await stdout);
            }
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
            return new PowerShellRun(lines, await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public override string ToString() => string.Join("\n", Lines.Select(l => l.ToJsonString())) + "\n" + StandardError;
}
