using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Altostrat.Tests.Support;

public static class Paths
{
    public static string RepositoryRoot { get; } = typeof(Paths).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;

    public static string Configuration { get; } = typeof(Paths).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration;

    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string ModuleVersion { get; } =
        Regex.Match(File.ReadAllText(Path.Combine(RepositoryRoot, "Altostrat.psd1")), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;

    public static string ModuleDirectory => Path.Combine(RepositoryRoot, "out", "Altostrat", ModuleVersion);

    public static string ModuleManifest => Path.Combine(ModuleDirectory, "Altostrat.psd1");

    public static string TestHost => Path.Combine(RepositoryRoot, "tests", "Altostrat.TestHost", "bin", Configuration, "net10.0", "Altostrat.TestHost.dll");
}
