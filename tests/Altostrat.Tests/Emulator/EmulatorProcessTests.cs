using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>The emulator as users run it: its own process, stopped the way containers and service managers stop it.</summary>
public sealed class EmulatorProcessTests
{
    private static async Task SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("kill", new[] { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    [Fact]
    public async Task SIGTERM_stops_the_emulator_and_its_process_ends()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals there; Ctrl+C is the way to stop it
        var dll = Path.Combine(Paths.RepositoryRoot, "src", "Altostrat.Emulator", "bin", Paths.Configuration, "net10.0", "Altostrat.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--router-base-port", "0" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        try
        {
            // Started once the banner's URL line is out.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null && !line.StartsWith("ApiUrl: ")) { }
            Assert.NotNull(line);

            await SendSigtermAsync(process.Id);

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("emulator stopped", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
