using System.Collections.Generic;

namespace Altostrat.Engine.Contracts;

/// <summary>The body of POST /api/synchronous/{siteId}: <c>{command: "/ip/address/print", parameters: ["=k=v", "?q"]}</c>.</summary>
public sealed class SynchronousCommandRequest
{
    public string Command { get; set; } = "";
    public List<string> Parameters { get; set; } = new();
}
