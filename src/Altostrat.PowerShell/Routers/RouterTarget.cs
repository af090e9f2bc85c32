using Altostrat.Engine.RouterOs.Fleet;

namespace Altostrat.PowerShell.Routers;

/// <summary>One router a router cmdlet will work on, by the name the user gave it.</summary>
internal sealed class RouterTarget
{
    public RouterTarget(string name, RouterEndpoint? endpoint)
    {
        Name = name;
        Endpoint = endpoint;
    }

    public string Name { get; }

    /// <summary>Null for a router listed again: it is worked on once, and the repeat is reported.</summary>
    public RouterEndpoint? Endpoint { get; }

    public bool IsRepeat => Endpoint is null;
}
