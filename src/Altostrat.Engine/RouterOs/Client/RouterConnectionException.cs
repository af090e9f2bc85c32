using System;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The router could not be reached, refused the TLS handshake, or the connection was lost.</summary>
public sealed class RouterConnectionException : RouterException
{
    public RouterConnectionException(string host, string message, Exception? inner = null) : base(message, inner)
    {
        Host = host;
    }

    public string Host { get; }
}
