using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Altostrat.Emulator.Routers;
using Altostrat.Engine.RouterOs.Client;
using Xunit;

namespace Altostrat.Tests.RouterOs;

public class RouterTlsTests
{
    private static async Task<RouterConnection> ConnectAsync(SimulatedRouter router, Action<RouterConnectionOptions> configure)
    {
        var options = new RouterConnectionOptions(router.Host) { Port = router.Port, UseTls = true };
        configure(options);
        return await RouterConnection.ConnectAsync(options, "admin", "");
    }

    [Fact]
    public async Task Accepts_a_certificate_that_chains_to_a_trusted_root()
    {
        using var authority = SimulatorCertificates.CreateAuthority();
        using var certificate = SimulatorCertificates.CreateServerCertificate(authority);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Certificate = certificate, Identity = "tls-router" });
        using var publicAuthority = X509CertificateLoader.LoadCertificate(authority.RawData);

        using var connection = await ConnectAsync(router, o => o.TrustedRoots.Add(publicAuthority));

        Assert.True(connection.IsTls);
        Assert.Equal("tls-router", Assert.Single((await connection.ExecuteAsync(new RouterCommand("/system/identity/print"))).Rows)["name"]);
    }

    [Fact]
    public async Task Refuses_an_untrusted_certificate_by_default()
    {
        using var certificate = SimulatorCertificates.CreateServerCertificate(null);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Certificate = certificate });

        var error = await Assert.ThrowsAsync<RouterConnectionException>(() => ConnectAsync(router, _ => { }));

        Assert.Contains("not trusted", error.Message);
        Assert.Contains("thumbprint", error.Message); // says how to proceed
    }

    [Fact]
    public async Task A_certificate_from_another_authority_is_refused_even_with_trusted_roots()
    {
        using var authority = SimulatorCertificates.CreateAuthority("Router CA");
        using var other = SimulatorCertificates.CreateAuthority("Some other CA");
        using var certificate = SimulatorCertificates.CreateServerCertificate(authority);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Certificate = certificate });

        await Assert.ThrowsAsync<RouterConnectionException>(() => ConnectAsync(router, o => o.TrustedRoots.Add(X509CertificateLoader.LoadCertificate(other.RawData))));
    }

    [Fact]
    public async Task Accepts_exactly_the_pinned_certificate()
    {
        using var certificate = SimulatorCertificates.CreateServerCertificate(null);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Certificate = certificate });

        using (var pinnedSha1 = await ConnectAsync(router, o => o.CertificateThumbprint = certificate.Thumbprint.ToLowerInvariant()))
            Assert.True(pinnedSha1.IsConnected);
        var sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.RawData));
        using (var pinnedSha256 = await ConnectAsync(router, o => o.CertificateThumbprint = string.Join(":", Chunks(sha256))))
            Assert.True(pinnedSha256.IsConnected);

        var wrongPin = new string('A', 40);
        var error = await Assert.ThrowsAsync<RouterConnectionException>(() => ConnectAsync(router, o => o.CertificateThumbprint = wrongPin));
        Assert.Contains("pinned", error.Message);
        // The router's own fingerprints, so that the right one can be pinned: SHA-256 first.
        Assert.Contains($"SHA-256 {sha256}, SHA-1 {certificate.Thumbprint}", error.Message);
    }

    [Fact]
    public async Task Skipping_the_check_is_an_explicit_opt_out_that_works()
    {
        using var certificate = SimulatorCertificates.CreateServerCertificate(null);
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions { Certificate = certificate });
        using var connection = await ConnectAsync(router, o => o.SkipCertificateCheck = true);
        Assert.True(connection.IsTls);
    }

    [Fact]
    public async Task TLS_to_a_plain_API_port_says_to_check_the_port_whether_or_not_the_certificate_is_checked()
    {
        // A plain API port takes the TLS hello for a sentence: it waits for the rest (a timeout) or refuses it (no TLS
        // record comes back), depending on what the hello's first bytes read as.
        await using var router = SimulatedRouter.Start(new SimulatedRouterOptions());

        var silent = await Assert.ThrowsAnyAsync<RouterException>(() => ConnectAsync(router, o => o.ConnectTimeout = TimeSpan.FromSeconds(1)));
        var skipped = await Assert.ThrowsAnyAsync<RouterException>(() => ConnectAsync(router, o => { o.ConnectTimeout = TimeSpan.FromSeconds(1); o.SkipCertificateCheck = true; }));

        Assert.Contains("API-SSL port", silent.Message);
        Assert.Contains("API-SSL port", skipped.Message);
        Assert.DoesNotContain("skip the check", skipped.Message);
    }

    [Theory]
    [InlineData(true, false)]  // answers the hello with an API sentence, which is no TLS record
    [InlineData(false, false)] // drops the connection on the hello
    [InlineData(false, true)]  // the same, with the certificate check on
    public async Task A_port_that_does_not_speak_TLS_is_named_as_the_likely_cause_not_the_certificate(bool answers, bool checkCertificate)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            await stream.ReadAtLeastAsync(new byte[512], 1, throwOnEndOfStream: false); // some of the hello: enough to know it came
            if (!answers) return;
            await stream.WriteAsync(new byte[] { 6, (byte)'!', (byte)'f', (byte)'a', (byte)'t', (byte)'a', (byte)'l', 0 });
            await Task.Delay(2000);
        });
        try
        {
            var options = new RouterConnectionOptions("127.0.0.1") { Port = port, UseTls = true, SkipCertificateCheck = !checkCertificate, ConnectTimeout = TimeSpan.FromSeconds(5) };
            var error = await Assert.ThrowsAnyAsync<RouterException>(() => RouterConnection.ConnectAsync(options, "admin", ""));

            Assert.Contains("API-SSL port", error.Message);
            Assert.DoesNotContain("Trust the router's certificate", error.Message);
        }
        finally
        {
            listener.Stop();
            await serving;
        }
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("ABCD")]
    public void A_malformed_thumbprint_is_refused_with_the_expected_form(string thumbprint)
    {
        var error = Assert.Throws<ArgumentException>(() => new RouterConnectionOptions("r1") { CertificateThumbprint = thumbprint });
        Assert.Contains("40", error.Message);
    }

    [Fact]
    public void The_default_port_follows_the_service()
    {
        Assert.Equal(8728, new RouterConnectionOptions("r1").EffectivePort);
        Assert.Equal(8729, new RouterConnectionOptions("r1") { UseTls = true }.EffectivePort);
        Assert.Equal(9000, new RouterConnectionOptions("r1") { UseTls = true, Port = 9000 }.EffectivePort);
    }

    private static string[] Chunks(string hex)
    {
        var parts = new string[hex.Length / 2];
        for (var i = 0; i < parts.Length; i++) parts[i] = hex.Substring(2 * i, 2);
        return parts;
    }
}
