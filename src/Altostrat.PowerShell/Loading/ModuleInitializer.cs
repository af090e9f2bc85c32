using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using Altostrat.PowerShell.Emulation;
using Altostrat.PowerShell.Routers;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Loading;

/// <summary>
/// Runs when the module is imported, before any cmdlet: arranges for the engine and its dependencies to load from
/// dependencies/ without clashing with other versions of them that PowerShell or other modules loaded.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal static string DependencyDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

    internal static bool IsDesktop =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    public void OnImport()
    {
        if (IsDesktop) DesktopDependencyResolver.Register(DependencyDirectory);
        else CoreDependencyResolver.Register(DependencyDirectory);
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        ConnectionManager.Reset();
        // Before the resolver goes: closing a session runs engine code.
        RouterSessions.CloseAll();
        EmulatorRegistry.StopAll();
        if (IsDesktop) DesktopDependencyResolver.Unregister();
        else CoreDependencyResolver.Unregister();
    }
}
