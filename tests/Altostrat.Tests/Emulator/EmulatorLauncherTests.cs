using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Emulation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Emulator;

/// <summary>
/// Start-AltoEmulator's engine: the built emulator started through the real dotnet host, and the failures a user can
/// meet (no emulator, no dotnet, a dotnet without ASP.NET Core, an emulator that stops or hangs) played by real
/// processes: small shell scripts that stand in for dotnet.
/// </summary>
public sealed class EmulatorLauncherTests : IDisposable
{
    private static string BuiltEmulator => Path.Combine(Paths.RepositoryRoot, "src", "Altostrat.Emulator", "bin", Paths.Configuration, "net10.0", "Altostrat.Emulator.dll");

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"alto-launcher-{Guid.NewGuid():n}")).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A stand-in for dotnet: a shell script with this body.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string FakeDotnet(string body)
    {
        var path = Path.Combine(_folder, "dotnet");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task Starts_the_emulator_whose_API_takes_the_token_made_up_for_it_and_whose_routers_answer_then_stops_it()
    {
        using var emulator = await EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { SiteCount = 2 }, CancellationToken.None);
        Assert.False(emulator.HasExited);
        Assert.Matches("^emu-[0-9a-f]{48}$", emulator.Token);
        Assert.Equal(new[] { "site_emu0001", "site_emu0002" }, emulator.Routers.Select(r => r.SiteId));

        using var http = new HttpClient { BaseAddress = emulator.ApiUrl };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("site-minimal")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
        var sites = await http.GetStringAsync("site-minimal");
        Assert.Contains("site_emu0002", sites);

        var router = emulator.Routers[1];
        using (var connection = await RouterConnection.ConnectAsync(new RouterConnectionOptions(router.Host) { Port = router.Port }, "admin", ""))
            Assert.NotEmpty((await connection.ExecuteAsync(new RouterCommand("/system/identity/print"))).Rows);

        Assert.True(emulator.Stop(TimeSpan.FromSeconds(10)));
        Assert.True(emulator.HasExited);
        Assert.False(emulator.Stop(TimeSpan.FromSeconds(1)), "a second stop finds it stopped");
    }

    [Fact]
    public async Task Ends_with_the_process_that_owns_it()
    {
        if (OperatingSystem.IsWindows()) return; // the owner here is sleep
        using var owner = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        using var emulator = await EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { SiteCount = 1, OwnerProcessId = owner.Id }, CancellationToken.None);
        owner.Kill();
        await WaitUntilAsync(() => emulator.HasExited, TimeSpan.FromSeconds(20));
        Assert.True(emulator.HasExited);
    }

    [Fact]
    public async Task An_owned_emulator_outlives_the_Ctrl_C_meant_for_a_cmdlet_and_stops_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals there; the emulator has no console to get Ctrl+C from
        using var emulator = await EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { SiteCount = 1, OwnerProcessId = Environment.ProcessId }, CancellationToken.None);
        await SignalAsync("-INT", emulator.ProcessId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(emulator.HasExited, "SIGINT, which the terminal sends the whole group on Ctrl+C, must not stop an owned emulator");
        await SignalAsync("-TERM", emulator.ProcessId);
        await WaitUntilAsync(() => emulator.HasExited, TimeSpan.FromSeconds(10));
        Assert.True(emulator.HasExited);
    }

    private static async Task SignalAsync(string signal, int processId)
    {
        using var kill = Process.Start("kill", new[] { signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    [Fact]
    public async Task A_port_in_use_is_named_before_the_emulator_starts()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
                EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { Port = port }, CancellationToken.None));
            Assert.Equal(EmulatorStartProblem.PortInUse, error.Problem);
            Assert.Contains($"Port {port}", error.Message);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task The_token_travels_in_the_environment_and_an_error_never_quotes_it()
    {
        if (OperatingSystem.IsWindows()) return;
        // The stand-in prints its command line and the banner line the emulator prints, then fails.
        var dotnet = FakeDotnet("echo \"args: $*\"; echo \"Token: $ALTOSTRAT_EMULATOR_TOKEN\"; echo 'Unhandled exception. System.IO.IOException: disk full'; echo '   at Somewhere.Deep()'; exit 134");
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = dotnet }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.Exited, error.Problem);
        Assert.DoesNotContain("--token", error.Message);
        Assert.Contains("Token: ***", error.Message);
        Assert.DoesNotContain("emu-", error.Message);
        Assert.Contains("System.IO.IOException: disk full", error.Message);
        Assert.DoesNotContain("Somewhere.Deep", error.Message);
    }

    [Fact]
    public async Task A_program_that_is_no_dotnet_host_and_a_folder_given_for_one_are_told_apart()
    {
        if (OperatingSystem.IsWindows()) return;
        var silent = FakeDotnet("exit 0");
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = silent }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.RuntimeMissing, error.Problem);
        Assert.Contains("is it the dotnet host?", error.Message);

        // A .NET install folder stands for the dotnet in it.
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "install")).FullName;
        error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = folder }, CancellationToken.None));
        Assert.Contains(Path.Combine(folder, "dotnet"), error.Message);
    }

    [Fact]
    public async Task A_module_without_the_emulator_says_so()
    {
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(Path.Combine(_folder, "emulator", "Altostrat.Emulator.dll")), CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.NotInstalled, error.Problem);
        Assert.Contains("is missing", error.Message);
    }

    [Fact]
    public async Task A_missing_dotnet_is_named_with_what_to_install()
    {
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = Path.Combine(_folder, "nothing-here") }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.RuntimeMissing, error.Problem);
        Assert.Contains("ASP.NET Core Runtime 10", error.Message);
    }

    [Fact]
    public async Task A_dotnet_without_ASP_NET_Core_is_told_apart_from_an_emulator_that_failed()
    {
        if (OperatingSystem.IsWindows()) return; // the stand-ins are shell scripts
        // What the host prints when the app's framework is not installed.
        var dotnet = FakeDotnet("echo 'You must install or update .NET to run this application.' >&2; echo \"Framework: 'Microsoft.AspNetCore.App', version '10.0.0' (x64)\" >&2; exit 150");
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = dotnet }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.RuntimeMissing, error.Problem);
        Assert.Contains("has no ASP.NET Core Runtime 10", error.Message);
        Assert.Contains("Microsoft.AspNetCore.App", error.Message);

        dotnet = FakeDotnet("echo 'Failed to bind to address http://127.0.0.1:5080: address already in use.'; exit 1");
        error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = dotnet }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.Exited, error.Problem);
        Assert.Contains("exit code 1", error.Message);
        Assert.Contains("address already in use", error.Message);
    }

    [Fact]
    public async Task An_emulator_that_never_listens_is_ended_after_the_timeout()
    {
        if (OperatingSystem.IsWindows()) return;
        var pidFile = Path.Combine(_folder, "pid");
        var dotnet = FakeDotnet($"echo $$ > '{pidFile}'; echo 'starting...'; exec sleep 60");
        var error = await Assert.ThrowsAsync<EmulatorStartException>(() =>
            EmulatorLauncher.StartAsync(new EmulatorStartOptions(BuiltEmulator) { DotnetPath = dotnet, Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None));
        Assert.Equal(EmulatorStartProblem.TimedOut, error.Problem);
        Assert.Contains("starting...", error.Message);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        await WaitUntilAsync(() => !IsRunning(pid), TimeSpan.FromSeconds(10));
        Assert.False(IsRunning(pid), "the stand-in was ended, not left behind");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("a \"quoted\" word")]
    [InlineData(@"C:\Program Files\dotnet\")]
    [InlineData(@"back\\""slash")]
    [InlineData("")]
    public async Task Each_argument_reaches_the_emulator_as_it_was(string argument)
    {
        if (OperatingSystem.IsWindows()) return;
        // printf receives what .NET split the command line into, and prints each argument between brackets.
        var start = new ProcessStartInfo("printf", "[%s]\\n " + EmulatorLauncher.QuoteArgument(argument) + " end") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal($"[{argument}]\n[end]\n", printed);
    }

    // Polls until done, for at most the limit; the caller asserts what it waited for.
    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
