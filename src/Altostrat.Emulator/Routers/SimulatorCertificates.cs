using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Altostrat.Emulator.Routers;

/// <summary>Certificates for API-SSL on simulated routers: a private authority and server certificates it signs.</summary>
public static class SimulatorCertificates
{
    public static X509Certificate2 CreateAuthority(string name = "Altostrat Simulator CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Reload(certificate);
    }

    /// <summary>A server certificate for 127.0.0.1 and localhost, signed by <paramref name="authority"/> or self-signed when null.</summary>
    public static X509Certificate2 CreateServerCertificate(X509Certificate2? authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        if (authority is null)
        {
            using var selfSigned = request.CreateSelfSigned(notBefore, DateTimeOffset.UtcNow.AddYears(1));
            return Reload(selfSigned);
        }
        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        using var signed = request.Create(authority, notBefore, authority.NotAfter.AddDays(-1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // Through PFX and back, so that SslStream on every platform finds a usable private key.
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
}
