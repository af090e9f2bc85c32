using System;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// The router refused <c>/safe-mode/take</c>: it predates RouterOS 7.18 (no such command), or another session holds
/// safe mode. A job asked for safe mode stops here rather than changing the router without it.
/// </summary>
public sealed class SafeModeUnavailableException : RouterException
{
    public SafeModeUnavailableException(string host, string routerMessage, Exception? innerException)
        : base($"{host} did not enter safe mode ({routerMessage}); nothing was changed. Safe mode needs RouterOS 7.18 or later and no other session holding it.", innerException)
    {
        Host = host;
        RouterMessage = routerMessage;
    }

    public string Host { get; }

    public string RouterMessage { get; }
}
