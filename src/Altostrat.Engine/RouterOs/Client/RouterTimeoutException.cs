using System;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>A connect, a read or a command took longer than its timeout.</summary>
public sealed class RouterTimeoutException : RouterException
{
    public RouterTimeoutException(string host, string message, TimeSpan timeout) : base(message)
    {
        Host = host;
        Timeout = timeout;
    }

    public string Host { get; }

    public TimeSpan Timeout { get; }
}
