using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
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

    [Fact]
    public async Task The_ready_file_says_where_the_API_and_each_router_listen_and_both_answer()
    {
        var dll = Path.Combine(Paths.RepositoryRoot, "src", "Altostrat.Emulator", "bin", Paths.Configuration, "net10.0", "Altostrat.Emulator.dll");
        var ready = Path.Combine(Path.GetTempPath(), $"alto-ready-{Guid.NewGuid():n}.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--port", "0", "--router-base-port", "0", "--sites", "3", "--token", "ready-token", "--ready-file", ready })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(ready) && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(50);
            Assert.True(File.Exists(ready), "the emulator wrote no ready file");
            // It holds the token: only its user may read it.
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ready));
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(ready));
            var root = json.RootElement;
            Assert.Equal("ready-token", root.GetProperty("token").GetString());
            var routers = root.GetProperty("routers");
            Assert.Equal(3, routers.EnumerateObject().Count());

            using var http = new System.Net.Http.HttpClient { BaseAddress = new Uri(root.GetProperty("apiUrl").GetString()!) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ready-token");
            var sites = await http.GetStringAsync("site-minimal");
            foreach (var router in routers.EnumerateObject())
            {
                Assert.Contains(router.Name, sites);
                var endpoint = router.Value.GetString()!;
                using var tcp = new System.Net.Sockets.TcpClient();
                var colon = endpoint.LastIndexOf(':');
                await tcp.ConnectAsync(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(tcp.Connected);
            }
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            File.Delete(ready);
        }
    }
}
