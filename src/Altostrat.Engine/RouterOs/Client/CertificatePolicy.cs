using System;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// Decides whether to accept a router's TLS certificate: a pin accepts exactly one certificate; otherwise the
/// system's validation must pass, or fail only because the root is one of the explicitly trusted ones.
/// </summary>
internal sealed class CertificatePolicy
{
    private readonly RouterConnectionOptions _options;
    private readonly string? _pin;

    public CertificatePolicy(RouterConnectionOptions options)
    {
        _options = options;
        _pin = NormalizeThumbprint(options.CertificateThumbprint);
    }

    /// <summary>Why the last certificate was refused, for the error message.</summary>
    public string? RejectionReason { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_options.SkipCertificateCheck) return true;
        if (certificate is null)
        {
            RejectionReason = "the router presented no certificate";
            return false;
        }

        if (_pin is not null)
        {
            var raw = certificate.GetRawCertData();
            var sha256 = Hex(SHA256Hash(raw));
            var sha1 = Hex(SHA1Hash(raw));
            if (_pin == sha256 || _pin == sha1) return true;
            // Both, the stronger first: the SHA-256 fingerprint is the one to pin where the choice is free.
            RejectionReason = $"its certificate (SHA-256 {sha256}, SHA-1 {sha1}) does not match the pinned thumbprint";
            return false;
        }

        if (errors == SslPolicyErrors.None) return true;
        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && ChainsToTrustedRoot(certificate)) return true;

        RejectionReason = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0
            ? "its certificate was issued for another name"
            : "its certificate is not trusted (self-signed or from an unknown authority)";
        return false;
    }

    private bool ChainsToTrustedRoot(X509Certificate certificate)
    {
        if (_options.TrustedRoots.Count == 0) return false;
        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.ExtraStore.AddRange(_options.TrustedRoots);
        if (!chain.Build(leaf)) return false;

        // AllowUnknownCertificateAuthority accepts any root; only ours will do, and nothing else may be wrong.
        var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        var trusted = _options.TrustedRoots.Cast<X509Certificate2>().Any(r => r.Thumbprint == root.Thumbprint);
        var otherProblems = chain.ChainStatus.Any(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot);
        return trusted && !otherProblems;
    }

    internal static string? NormalizeThumbprint(string? thumbprint)
    {
        if (string.IsNullOrWhiteSpace(thumbprint)) return null;
        var hex = new string(thumbprint!.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
        var stripped = new string(thumbprint.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-').ToArray());
        if (hex.Length != stripped.Length || (hex.Length != 40 && hex.Length != 64))
            throw new ArgumentException($"'{thumbprint}' is not a certificate thumbprint: give 40 (SHA-1) or 64 (SHA-256) hexadecimal digits.", nameof(thumbprint));
        return hex;
    }

    private static byte[] SHA1Hash(byte[] data)
    {
        using var sha = SHA1.Create();
        return sha.ComputeHash(data);
    }

    private static byte[] SHA256Hash(byte[] data)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
    }

    private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty);
}
