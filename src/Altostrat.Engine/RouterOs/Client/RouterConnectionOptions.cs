using System;
using System.Security.Cryptography.X509Certificates;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>Where and how to reach one router. Certificate validation is on unless switched off explicitly.</summary>
public sealed class RouterConnectionOptions
{
    public const int ApiPort = 8728;
    public const int ApiSslPort = 8729;

    public RouterConnectionOptions(string host)
    {
        if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("A router address or host name is required.", nameof(host));
        Host = host.Trim();
    }

    public string Host { get; }

    /// <summary>The TCP port; 0 means the service default (8728, or 8729 with TLS).</summary>
    public int Port { get; set; }

    public int EffectivePort => Port > 0 ? Port : UseTls ? ApiSslPort : ApiPort;

    /// <summary>API-SSL: TLS with the router's certificate validated.</summary>
    public bool UseTls { get; set; }

    /// <summary>Accept any certificate. An explicit opt-out, for lab routers with self-signed certificates.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>Accept exactly the certificate with this SHA-1 or SHA-256 thumbprint (hex, separators ignored), trusted or not.</summary>
    public string? CertificateThumbprint
    {
        get => _certificateThumbprint;
        set => _certificateThumbprint = CertificatePolicy.NormalizeThumbprint(value);
    }

    private string? _certificateThumbprint;

    /// <summary>Roots to trust besides the system's, such as a private CA that signed the routers' certificates.</summary>
    public X509Certificate2Collection TrustedRoots { get; } = new();

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a command may wait without receiving a single reply before the connection is given up.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one command may take from send to <c>!done</c> (listen commands excepted).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public ProtocolLimits Limits { get; set; } = ProtocolLimits.Default;

    /// <summary>host:port, an IPv6 address in brackets ([fe80::1]:8728) so that its own colons do not read as the port's.</summary>
    public override string ToString() => Host.IndexOf(':') >= 0 ? $"[{Host}]:{EffectivePort}" : $"{Host}:{EffectivePort}";

    /// <summary>
    /// The router as messages name it: the host alone on the standard port, host:port otherwise, so that routers
    /// behind one address on different ports tell apart in errors.
    /// </summary>
    public string DisplayName => EffectivePort == (UseTls ? ApiSslPort : ApiPort) ? Host : ToString();
}
