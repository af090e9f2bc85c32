using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Altostrat.PowerShell.Loading;

/// <summary>
/// The engine's own load context. The libraries that clash between modules (System.Text.Json and its encoder,
/// Microsoft.Extensions.*) always come from dependencies/, whatever version PowerShell or another module holds.
/// Everything the running framework provides (System.Memory, System.Runtime...) comes from the framework, so types
/// like Span and Task stay one type across the boundary. Anything else is taken from dependencies/ if it is there.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private static readonly string[] AlwaysIsolatedPrefixes = { "Altostrat.", "System.Text.Json", "System.Text.Encodings.Web", "Microsoft.Extensions." };

    private readonly string _directory;
    private readonly HashSet<string> _frameworkAssemblies;

    public EngineLoadContext(string directory)
        : base()
    {
        _directory = directory;
        _frameworkAssemblies = ReadFrameworkAssemblyNames();
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null) return null;
        var path = Path.Combine(_directory, name + ".dll");
        if (!File.Exists(path)) return null;
        if (IsAlwaysIsolated(name) || !_frameworkAssemblies.Contains(name)) return LoadFromAssemblyPath(path);
        return null;
    }

    internal static bool IsAlwaysIsolated(string name)
    {
        foreach (var prefix in AlwaysIsolatedPrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static HashSet<string> ReadFrameworkAssemblyNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            foreach (var path in list.Split(Path.PathSeparator))
                if (path.Length > 0) names.Add(Path.GetFileNameWithoutExtension(path));
        return names;
    }
}
