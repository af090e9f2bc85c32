using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>The peer broke the RouterOS API protocol: a reserved byte, a word past the size cap, a stream cut mid-sentence.</summary>
public sealed class RouterProtocolException : RouterException
{
    public RouterProtocolException(string message) : base(message) { }
}
