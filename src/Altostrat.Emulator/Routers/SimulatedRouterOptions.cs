using System;
using System.Security.Cryptography.X509Certificates;

namespace Altostrat.Emulator.Routers;

/// <summary>How one simulated router behaves, faults included.</summary>
public sealed class SimulatedRouterOptions
{
    /// <summary>The RouterOS version a simulated router reports unless told otherwise: a current 7.x.</summary>
    public const string DefaultVersion = "7.20.4";

    private static readonly System.Version EmptyReplyAndSafeModeSince = new(7, 18);

    private string _version = DefaultVersion;

    /// <summary>
    /// The RouterOS version it reports in <c>/system/resource</c> (<c>7.16.1</c>, <c>7.20.4</c>), and behaves as:
    /// <c>!empty</c> replies and the <c>/safe-mode</c> commands only from 7.18, as on real routers.
    /// </summary>
    public string Version
    {
        get => _version;
        set => _version = ParseVersion(value) is not null ? value : throw new ArgumentException(
            $"'{value}' is not a RouterOS version such as {DefaultVersion}.", nameof(value));
    }

    /// <summary>RouterOS 7.18 and later answer a command without data with <c>!empty</c> before <c>!done</c>.</summary>
    public bool SendsEmptyReplies => ParseVersion(_version)! >= EmptyReplyAndSafeModeSince;

    /// <summary>RouterOS 7.18 and later have <c>/safe-mode/take</c>, <c>release</c> and <c>unroll</c> in the API.</summary>
    public bool HasSafeModeCommands => ParseVersion(_version)! >= EmptyReplyAndSafeModeSince;

    /// <summary><c>7.20.4</c> or <c>7.16</c> as a <see cref="System.Version"/>; null for anything else.</summary>
    public static System.Version? ParseVersion(string? text) =>
        text is not null && System.Version.TryParse(text.Trim(), out var version) && version.Major >= 6 ? version : null;

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

    /// <summary>
    /// Waited before each command takes effect and is answered. Commands pipelined on one connection wait
    /// concurrently (as network latency overlaps), then apply in the order sent.
    /// </summary>
    public TimeSpan CommandLatency { get; set; } = TimeSpan.Zero;

    /// <summary>The clock <see cref="CommandLatency"/> is measured on; a test passes a manual one to step it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Fault: <c>/system/script/run</c> fails with a script error.</summary>
    public bool FailScriptRuns { get; set; }

    /// <summary>Fault: on this command (such as <c>/system/script/run</c>) the router writes half a reply and drops the connection.</summary>
    public string? DropConnectionOn { get; set; }

    /// <summary>Fault: on this command the router sends <c>!fatal</c> and closes the connection.</summary>
    public string? FatalOn { get; set; }

    /// <summary>Fault: this command never gets an answer (for timeout tests).</summary>
    public string? SilentOn { get; set; }
}
