using System;
using System.IO;
using System.Reflection;

namespace Altostrat.PowerShell.Loading;

/// <summary>
/// Windows PowerShell 5.1 has no load contexts: the engine and its dependencies are found in dependencies/ when
/// the AppDomain cannot resolve them, and only assemblies that exist there are answered.
/// </summary>
internal static class DesktopDependencyResolver
{
    private static string? _directory;

    public static void Register(string dependencyDirectory)
    {
        if (_directory is not null) return;
        _directory = dependencyDirectory;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    public static void Unregister()
    {
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        _directory = null;
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        if (_directory is null) return null;
        var name = new AssemblyName(args.Name).Name;
        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
