using System.Management.Automation;

namespace Altostrat.PowerShell;

/// <summary>One menu as one router holds it: what Get-AltoRouterConfiguration emits.</summary>
public sealed class AltoRouterConfiguration
{
    public string ComputerName { get; set; } = "";

    /// <summary>The menu, as the API writes it (/ip/firewall/filter).</summary>
    public string Path { get; set; } = "";

    /// <summary>The menu's entries in the router's order, each with the router's property names (.id as Id).</summary>
    public PSObject[] Entries { get; set; } = System.Array.Empty<PSObject>();

    public int Count => Entries.Length;

    public override string ToString() => $"{ComputerName} {Path} ({Count})";
}
