using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace Altostrat.Engine.Emulation;

/// <summary>Where the <c>dotnet</c> host is, to run the emulator (a .NET app) from a PowerShell that may not be one.</summary>
public static class DotnetHost
{
    private static string ExecutableName => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    /// <summary>
    /// The host this process runs under (PowerShell as a dotnet tool), else DOTNET_HOST_PATH, DOTNET_ROOT, the PATH and
    /// the usual install folders, in that order; null when there is none.
    /// </summary>
    public static string? Find()
    {
        if (CurrentHost() is { } host) return host;
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            InFolder(Environment.GetEnvironmentVariable("DOTNET_ROOT")),
        };
        foreach (var candidate in candidates)
            if (candidate is not null && File.Exists(candidate)) return candidate;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (InFolder(folder) is { } onPath && File.Exists(onPath)) return onPath;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var usual = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? new[] { Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet") }
            : new[] { "/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", Path.Combine(home, ".dotnet") };
        foreach (var folder in usual)
            if (InFolder(folder) is { } installed && File.Exists(installed)) return installed;
        return null;
    }

    /// <summary>The host given, or the one in the folder given (a .NET install folder such as /usr/share/dotnet).</summary>
    public static string InFolderOrItself(string path) => Directory.Exists(path) ? Path.Combine(path, ExecutableName) : path;

    private static string? CurrentHost()
    {
        try
        {
            using var current = Process.GetCurrentProcess();
            var path = current.MainModule?.FileName;
            return path is not null && string.Equals(Path.GetFileName(path), ExecutableName, StringComparison.OrdinalIgnoreCase) ? path : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or NotSupportedException)
        {
            return null; // a process that may not read its own module list: the other places still count
        }
    }

    private static string? InFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) return null;
        try { return Path.Combine(folder!.Trim().Trim('"'), ExecutableName); }
        catch (ArgumentException) { return null; }
    }
}
