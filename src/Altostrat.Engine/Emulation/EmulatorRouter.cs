namespace Altostrat.Engine.Emulation;

/// <summary>A site's simulated router: where its RouterOS API listens on the loopback.</summary>
public sealed class EmulatorRouter
{
    public EmulatorRouter(string siteId, string host, int port)
    {
        SiteId = siteId;
        Host = host;
        Port = port;
    }

    public string SiteId { get; }

    public string Host { get; }

    public int Port { get; }
}
