namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The router sent <c>!fatal</c> and closed the connection; every command in flight fails with this.</summary>
public sealed class RouterFatalException : RouterException
{
    public RouterFatalException(string host, string reason)
        : base($"{host} closed the API session: {reason}")
    {
        Host = host;
        Reason = reason;
    }

    public string Host { get; }

    public string Reason { get; }
}
