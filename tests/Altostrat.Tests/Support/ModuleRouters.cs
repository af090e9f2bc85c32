using System;
using Altostrat.Emulator.Routers;

namespace Altostrat.Tests.Support;

/// <summary>Simulated routers for module tests, and the PowerShell line that builds the credential they accept.</summary>
public static class ModuleRouters
{
    public const string Password = "Rout3rPa55";

    /// <summary>Defines $cred in a test script.</summary>
    public const string Credential = $"$cred = [pscredential]::new('admin', [System.Net.NetworkCredential]::new('', '{Password}').SecurePassword)\n";

    public static SimulatedRouter Start(string identity, Action<SimulatedRouterOptions>? configure = null)
    {
        var options = new SimulatedRouterOptions { Identity = identity, Password = Password };
        configure?.Invoke(options);
        return SimulatedRouter.Start(options);
    }

    /// <summary>The address the cmdlets take: loopback with the router's port.</summary>
    public static string Name(SimulatedRouter router) => $"127.0.0.1:{router.Port}";
}
