namespace Altostrat.PowerShell;

/// <summary>How much a command of a RouterOS script can hurt; ordered, so -ge and Sort-Object work.</summary>
public enum ScriptRisk
{
    /// <summary>Reads state, or only affects the script itself.</summary>
    Read = 0,

    /// <summary>Changes configuration without, as far as the rules can tell, cutting anyone off.</summary>
    Change = 1,

    /// <summary>Can cut the operator off or lose configuration.</summary>
    Destructive = 2,
}
