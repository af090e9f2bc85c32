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

    public static async Task<EmulatorProcess> StartAsync(EmulatorStartOptions options, CancellationToken cancellationToken)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (!File.Exists(options.EmulatorDll))
            throw new EmulatorStartException($"The emulator is not in this copy of the module ({options.EmulatorDll} is missing). " +
                "Install the module from the gallery, or build it with build.ps1, which places the emulator beside it.", EmulatorStartProblem.NotInstalled);
        var dotnet = options.DotnetPath ?? DotnetHost.Find();
        if (dotnet is null || !File.Exists(dotnet))
            throw new EmulatorStartException((dotnet is null ? "No 'dotnet' was found" : $"'{dotnet}' does not exist") +
                ": the emulator is a .NET 10 app and runs on the ASP.NET Core Runtime 10. Install that runtime (it brings 'dotnet'), " +
                "or pass -DotnetPath with the dotnet executable of an installed one.", EmulatorStartProblem.RuntimeMissing);

        var token = NewToken();
        var readyFile = Path.Combine(Path.GetTempPath(), $"altostrat-emulator-{Guid.NewGuid():N}.json");
        var arguments = new List<string>
        {
            options.EmulatorDll, "--port", options.Port.ToString(CultureInfo.InvariantCulture), "--router-base-port", "0",
            "--sites", options.SiteCount.ToString(CultureInfo.InvariantCulture), "--token", token, "--ready-file", readyFile,
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
                    process.WaitForExit(); // the last lines of output
                    throw Exited(dotnet, process.ExitCode, Said(output));
                }
                if (clock.Elapsed > options.Timeout)
                    throw new EmulatorStartException($"The emulator did not start listening within {options.Timeout.TotalSeconds:0} s. It said:{Environment.NewLine}{Said(output)}",
                        EmulatorStartProblem.TimedOut);
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            var ready = ReadReadyFile(readyFile);
            return new EmulatorProcess(process, ready.ApiUrl, token, ready.Routers, options.DatabasePath);
        }
        catch
        {
            if (!process.HasExited)
            {
                try { process.Kill(); }
                catch (InvalidOperationException) { /* it ended meanwhile */ }
            }
            process.Dispose();
            throw;
        }
        finally
        {
            try { File.Delete(readyFile); }
            catch (IOException) { /* a temporary file: the next start uses another name */ }
        }
    }

    private static EmulatorStartException Exited(string dotnet, int exitCode, string said)
    {
        // The host's own words when the app's framework is missing: "You must install or update .NET to run this
        // application." then "Framework: 'Microsoft.AspNetCore.App', version '10.0.0'".
        if (said.IndexOf("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase) >= 0 || said.IndexOf("install or update .NET", StringComparison.OrdinalIgnoreCase) >= 0)
            return new EmulatorStartException($"'{dotnet}' has no ASP.NET Core Runtime 10, which the emulator needs. Install it beside that dotnet " +
                $"(or pass -DotnetPath with one that has it). dotnet said:{Environment.NewLine}{said}", EmulatorStartProblem.RuntimeMissing);
        return new EmulatorStartException($"The emulator stopped before it listened (exit code {exitCode}). It said:{Environment.NewLine}{said}", EmulatorStartProblem.Exited);
    }

    private static string Said(Queue<string> output)
    {
        lock (output) return output.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, output);
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
