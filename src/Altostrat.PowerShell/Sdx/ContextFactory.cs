using System;
using Altostrat.Engine.Http;

namespace Altostrat.PowerShell.Sdx;

internal static class ContextFactory
{
    public static AltoContext From(Connection connection)
    {
        var options = connection.Session.Options;
        return new AltoContext
        {
            Connected = true,
            ApiUrl = options.ApiUrl,
            TokenSet = !string.IsNullOrEmpty(options.Token),
            TokenSource = connection.TokenSource,
            IsLocal = ConnectionManager.IsLoopback(options.ApiUrl),
            SkipCertificateCheck = options.SkipCertificateCheck,
            RequestTimeout = options.RequestTimeout,
            MaximumRetryCount = options.Retry.MaxRetries,
            ConnectedAt = connection.ConnectedAt,
        };
    }

    /// <summary>What a cmdlet would use now when no one has connected: the environment, or the public API without a token.</summary>
    /// <param name="problem">Why ALTOSTRAT_API_URL cannot be used (the default URL is shown instead); null when it can.</param>
    public static AltoContext NotConnected(out string? problem)
    {
        Uri? url;
        problem = null;
        try { url = ConnectionManager.ApiUrlFromEnvironment(); }
        catch (ArgumentException ex)
        {
            url = null;
            problem = ex.Message;
        }
        url ??= AltoApiOptions.DefaultApiUrl;
        // After Disconnect-Altostrat the environment's token is not used, so it is not reported as set.
        var tokenSet = ConnectionManager.ConnectsFromEnvironment;
        var defaults = new AltoApiOptions();
        return new AltoContext
        {
            Connected = false,
            ApiUrl = url,
            TokenSet = tokenSet,
            TokenSource = tokenSet ? "Environment" : null,
            IsLocal = ConnectionManager.IsLoopback(url),
            RequestTimeout = defaults.RequestTimeout,
            MaximumRetryCount = defaults.Retry.MaxRetries,
        };
    }
}
