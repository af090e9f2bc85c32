using System;
using System.Security.Cryptography.X509Certificates;

namespace Altostrat.Emulator.Routers;

/// <summary>How one simulated router behaves, faults included.</summary>
public sealed class SimulatedRouterOptions
{
    /// <summary>Its <c>/system/identity</c> name.</summary>
    public string Identity { get; set; } = "MikroTik";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    public string UserName { get; set; } = "admin";

    public string Password { get; set; } = "";

    /// <summary>Modern routers take the password in <c>/login</c>; older ones answer with an MD5 challenge.</summary>
    public RouterLoginStyle LoginStyle { get; set; } = RouterLoginStyle.Plain;

    /// <summary>Serve API-SSL with this certificate (it must carry its private key); null serves plain API.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Waited before answering each command.</summary>
    public TimeSpan CommandLatency { get; set; } = TimeSpan.Zero;

    /// <summary>Fault: <c>/system/script/run</c> fails with a script error.</summary>
    public bool FailScriptRuns { get; set; }

    /// <summary>Fault: on this command (such as <c>/system/script/run</c>) the router writes half a reply and drops the connection.</summary>
    public string? DropConnectionOn { get; set; }

    /// <summary>Fault: on this command the router sends <c>!fatal</c> and closes the connection.</summary>
    public string? FatalOn { get; set; }

    /// <summary>Fault: this command never gets an answer (for timeout tests).</summary>
    public string? SilentOn { get; set; }
}
