using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.Emulation;

/// <summary>
/// Starts the local SDX emulator (a .NET app with ASP.NET Core, shipped in the module's emulator folder) through the
/// <c>dotnet</c> host, and waits until it says, in its ready file, where it listens: never from its human banner.
/// </summary>
public static class EmulatorLauncher
{
    private const int OutputLinesKept = 40;

    /// <summary>Where the emulator takes its token from when no --token is given.</summary>
    public const string TokenVariable = "ALTOSTRAT_EMULATOR_TOKEN";

    public static async Task<EmulatorProcess> StartAsync(EmulatorStartOptions options, CancellationToken cancellationToken)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (!File.Exists(options.EmulatorDll))
            throw new EmulatorStartException($"The emulator is not in this copy of the module ({options.EmulatorDll} is missing). " +
                "Install the module from the gallery, or build it with build.ps1, which places the emulator beside it.", EmulatorStartProblem.NotInstalled);
        var dotnet = options.DotnetPath is { } given ? DotnetHost.InFolderOrItself(given) : DotnetHost.Find();
        if (dotnet is null || !File.Exists(dotnet))
            throw new EmulatorStartException((dotnet is null ? "No 'dotnet' was found" : $"'{dotnet}' does not exist") +
                ": the emulator is a .NET 10 app and runs on the ASP.NET Core Runtime 10. Install that runtime (it brings 'dotnet'), " +
                "or pass -DotnetPath with the dotnet executable of an installed one.", EmulatorStartProblem.RuntimeMissing);

        if (options.Port != 0 && !PortIsFree(options.Port))
            throw new EmulatorStartException($"Port {options.Port} on 127.0.0.1 is in use by another program: choose another -Port, or leave -Port out for a free one.",
                EmulatorStartProblem.PortInUse);

        var token = NewToken();
        // In a folder of its own, which only this user can write to (the usual permissions of a new folder): no one else
        // can put a ready file of their own there, and its temporary name is removed with it whatever happens.
        var folder = Path.Combine(Path.GetTempPath(), $"altostrat-emulator-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var readyFile = Path.Combine(folder, "ready.json");
        var arguments = new List<string>
        {
            options.EmulatorDll, "--port", options.Port.ToString(CultureInfo.InvariantCulture), "--router-base-port", "0",
            "--sites", options.SiteCount.ToString(CultureInfo.InvariantCulture), "--ready-file", readyFile,
        };
        if (options.DatabasePath is not null) arguments.AddRange(new[] { "--db", options.DatabasePath });
        if (options.RouterVersion is not null) arguments.AddRange(new[] { "--router-version", options.RouterVersion });
        if (options.OwnerProcessId is { } owner) arguments.AddRange(new[] { "--exit-with", owner.ToString(CultureInfo.InvariantCulture) });

        var start = new ProcessStartInfo(dotnet, string.Join(" ", arguments.Select(QuoteArgument)))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // In the environment, which only this user can read, rather than on the command line, which ps shows everyone.
        start.Environment[TokenVariable] = token;
        // What it says is kept only to explain a failed start; the last lines are enough and memory stays bounded.
        var output = new Queue<string>();
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output)
            {
                output.Enqueue(e.Data);
                if (output.Count > OutputLinesKept) output.Dequeue();
            }
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            DeleteFolder(folder);
            throw new EmulatorStartException($"'{dotnet}' could not be started: {ex.Message}", EmulatorStartProblem.RuntimeMissing);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        try
        {
            while (!File.Exists(readyFile))
            {
                if (process.HasExited)
                {
                    // Its last lines of output, but not for ever: a wrapper's child may hold the pipes open.
                    Task.Run(() =>
                    {
                        try { process.WaitForExit(); }
                        catch (InvalidOperationException) { /* disposed below after the wait gave up */ }
                    }).Wait(TimeSpan.FromSeconds(5));
                    throw Exited(dotnet, process.ExitCode, Said(output, token));
                }
                if (clock.Elapsed > options.Timeout)
                    throw new EmulatorStartException($"The emulator did not start listening within {options.Timeout.TotalSeconds:0} s. It said:{Environment.NewLine}{Said(output, token) ?? "(nothing)"}",
                        EmulatorStartProblem.TimedOut);
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            (Uri ApiUrl, IReadOnlyList<EmulatorRouter> Routers) ready;
            try
            {
                ready = ReadReadyFile(readyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or FormatException or ArgumentException or InvalidOperationException)
            {
                throw new EmulatorStartException($"The emulator started, but what it wrote about where it listens could not be read: {ex.Message}", EmulatorStartProblem.Exited);
            }
            return new EmulatorProcess(process, ready.ApiUrl, token, ready.Routers, options.DatabasePath);
        }
        catch
        {
            if (!process.HasExited)
            {
                try { process.Kill(); }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { /* it is ending already */ }
            }
            process.Dispose();
            throw;
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* a temporary folder: the next start uses another name */ }
    }

    private static EmulatorStartException Exited(string dotnet, int exitCode, string? said)
    {
        if (said is null)
            return new EmulatorStartException($"'{dotnet}' ended (exit code {exitCode}) without a word and without running the emulator: is it the dotnet host? " +
                "Pass -DotnetPath with the dotnet executable of an installed .NET 10 that has the ASP.NET Core Runtime.", EmulatorStartProblem.RuntimeMissing);
        // The host's own words when the app's framework is missing: "You must install or update .NET to run this
        // application." then "Framework: 'Microsoft.AspNetCore.App', version '10.0.0'".
        if (said.IndexOf("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase) >= 0 || said.IndexOf("install or update .NET", StringComparison.OrdinalIgnoreCase) >= 0)
            return new EmulatorStartException($"'{dotnet}' has no ASP.NET Core Runtime 10, which the emulator needs. Install it beside that dotnet " +
                $"(or pass -DotnetPath with one that has it). dotnet said:{Environment.NewLine}{said}", EmulatorStartProblem.RuntimeMissing);
        return new EmulatorStartException($"The emulator stopped before it listened (exit code {exitCode}). It said:{Environment.NewLine}{said}", EmulatorStartProblem.Exited);
    }

    // What the emulator said, for an error: without the token its banner prints, and without the stack frames of an
    // unhandled exception (its first line says what went wrong: a port in use, a file that is no database); null for nothing.
    private static string? Said(Queue<string> output, string token)
    {
        string[] lines;
        lock (output) lines = output.ToArray();
        var kept = lines.Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("--- End of", StringComparison.Ordinal))
            .Select(line => line.Replace(token, "***")).ToList();
        return kept.Count == 0 ? null : string.Join(Environment.NewLine, kept);
    }

    private static bool PortIsFree(int port)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    private static (Uri ApiUrl, IReadOnlyList<EmulatorRouter> Routers) ReadReadyFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var apiUrl = new Uri(root.GetProperty("apiUrl").GetString()!, UriKind.Absolute);
        var routers = new List<EmulatorRouter>();
        if (root.TryGetProperty("routers", out var sites))
            foreach (var site in sites.EnumerateObject())
            {
                var address = site.Value.GetString() ?? "";
                var colon = address.LastIndexOf(':');
                routers.Add(new EmulatorRouter(site.Name, address.Substring(0, colon), int.Parse(address.Substring(colon + 1), CultureInfo.InvariantCulture)));
            }
        return (apiUrl, routers.OrderBy(r => r.SiteId, StringComparer.Ordinal).ToList());
    }

    // A token of its own for each start: another local user cannot guess it, as they could the emulator's default.
    private static string NewToken()
    {
        var bytes = new byte[24];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return "emu-" + string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    // netstandard2.0's ProcessStartInfo takes one command line; .NET splits it back as Windows does, on every system.
    internal static string QuoteArgument(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0) return argument;
        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\') { backslashes++; continue; }
            // Backslashes before a quote are doubled, and the quote escaped; elsewhere they stand as they are.
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
