namespace Altostrat.PowerShell;

/// <summary>
/// One site's simulated router in an emulator that Start-AltoEmulator started. ComputerName binds by property name,
/// so these pipe into Invoke-AltoRouterCommand, Invoke-AltoRouterScript and the configuration cmdlets.
/// </summary>
public sealed class AltoEmulatorRouter
{
    internal AltoEmulatorRouter(string siteId, string host, int port)
    {
        SiteId = siteId;
        ComputerName = $"{host}:{port}";
        Port = port;
    }

    public string SiteId { get; }

    /// <summary>host:port of its RouterOS API; the user is admin, with an empty password.</summary>
    public string ComputerName { get; }

    public int Port { get; }

    public override string ToString() => ComputerName;
}
