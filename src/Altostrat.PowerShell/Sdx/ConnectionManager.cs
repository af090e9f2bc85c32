using System;
using System.Net;
using Altostrat.Engine.Http;

namespace Altostrat.PowerShell.Sdx;

/// <summary>
/// Holds the process's SDX connection, as Connect-Altostrat made it. When no one connected but ALTOSTRAT_TOKEN is
/// set, the first cmdlet that needs the API connects from the environment, as a runbook expects, unless the session
/// was disconnected on purpose.
/// </summary>
internal static class ConnectionManager
{
    public const string TokenVariable = "ALTOSTRAT_TOKEN";
    public const string ApiUrlVariable = "ALTOSTRAT_API_URL";

    private static readonly object Gate = new();
    private static Connection? _current;
    // Set by Disconnect-Altostrat, cleared by Connect-Altostrat: after an explicit disconnect, connecting again from the
    // environment would send its token (to the default URL, perhaps not the one the session used) unasked.
    private static bool _disconnectedOnPurpose;

    public static Connection? Current
    {
        get { lock (Gate) return _current; }
    }

    public static Connection Connect(AltoApiOptions options, string tokenSource)
    {
        var connection = new Connection(new AltoApiSession(options), tokenSource, DateTimeOffset.Now);
        Connection? previous;
        lock (Gate)
        {
            previous = _current;
            _current = connection;
            _disconnectedOnPurpose = false;
        }
        previous?.Session.Dispose();
        return connection;
    }

    /// <summary>Disconnect-Altostrat: closes the connection, and the environment's token is not used again until the next Connect.</summary>
    public static bool Disconnect() => Close(onPurpose: true);

    /// <summary>The module is removed: closes the connection, and a later import starts as a new session would.</summary>
    public static void Reset() => Close(onPurpose: false);

    private static bool Close(bool onPurpose)
    {
        Connection? previous;
        lock (Gate)
        {
            previous = _current;
            _current = null;
            _disconnectedOnPurpose = onPurpose;
        }
        previous?.Session.Dispose();
        return previous is not null;
    }

    /// <summary>Whether Disconnect-Altostrat closed the connection, and no Connect-Altostrat has run since.</summary>
    public static bool DisconnectedOnPurpose
    {
        get { lock (Gate) return _disconnectedOnPurpose; }
    }

    /// <summary>Whether the next cmdlet that needs the API, with no connection, would connect from ALTOSTRAT_TOKEN.</summary>
    public static bool ConnectsFromEnvironment => EnvironmentToken() is not null;

    // The token a cmdlet would connect with by itself: ALTOSTRAT_TOKEN, unless Disconnect-Altostrat said not to.
    private static string? EnvironmentToken()
    {
        if (DisconnectedOnPurpose) return null;
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        return string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>The connected client, connecting from the environment if that is possible; null when it is not.</summary>
    public static AltoApiClient? ClientOrNull()
    {
        var current = Current;
        if (current is not null) return current.Session.Client;
        if (EnvironmentToken() is not { } token) return null;
        return Connect(new AltoApiOptions { ApiUrl = ApiUrlFromEnvironment() ?? AltoApiOptions.DefaultApiUrl, Token = token }, "Environment").Session.Client;
    }

    public static Uri? ApiUrlFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(ApiUrlVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw new ArgumentException(
                $"The {ApiUrlVariable} environment variable holds '{text}', which is not an absolute URL. Set it to e.g. https://v1.api.altostrat.io or http://127.0.0.1:5080/.");
        // As Connect-Altostrat refuses it: the first cmdlet connects by itself, and must not send the token in clear either.
        if (TokenUrlProblem(uri, out _) is { } problem)
            throw new ArgumentException($"The {ApiUrlVariable} environment variable cannot be used: {problem}");
        return uri;
    }

    /// <summary>
    /// Why the token must not be sent to <paramref name="url"/>, for Connect-Altostrat and for a connection from the
    /// environment alike; null when it may. <paramref name="insecure"/> says the reason is plain http to another machine.
    /// </summary>
    public static string? TokenUrlProblem(Uri url, out bool insecure)
    {
        insecure = false;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return $"'{url}' is not an http(s) URL. Use e.g. https://v1.api.altostrat.io, or http://127.0.0.1:5080/ for the local emulator.";
        if (url.Scheme != Uri.UriSchemeHttp || IsLoopback(url)) return null;
        insecure = true;
        return $"'{url}' would send the token unencrypted. Use https; plain http is accepted only for a loopback address (the local emulator).";
    }

    /// <summary>Loopback addresses: the emulator. Plain HTTP is accepted only for these.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
