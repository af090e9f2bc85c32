using System;
using Altostrat.Engine.Http;

namespace Altostrat.PowerShell.Sdx;

/// <summary>The live SDX session and how it came to be.</summary>
internal sealed class Connection
{
    public Connection(AltoApiSession session, string tokenSource, DateTimeOffset connectedAt)
    {
        Session = session;
        TokenSource = tokenSource;
        ConnectedAt = connectedAt;
    }

    public AltoApiSession Session { get; }
    public string TokenSource { get; }
    public DateTimeOffset ConnectedAt { get; }
}
