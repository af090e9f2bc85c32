using System.Reflection;
using System.Runtime.Loader;

namespace Altostrat.PowerShell.Loading;

/// <summary>
/// PowerShell 7: the default load context cannot find the engine (it is not beside the module assembly), so it
/// asks this handler, which answers from the module's own load context. Only the engine is answered here; its
/// dependencies are then resolved by that context, never by the default one.
/// </summary>
internal static class CoreDependencyResolver
{
    internal const string EngineAssemblyName = "Altostrat.Engine";

    private static EngineLoadContext? _context;

    public static void Register(string dependencyDirectory)
    {
        if (_context is not null) return;
        _context = new EngineLoadContext(dependencyDirectory);
        AssemblyLoadContext.Default.Resolving += ResolveEngine;
    }

    public static void Unregister() => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == EngineAssemblyName ? _context?.LoadFromAssemblyName(name) : null;
}
