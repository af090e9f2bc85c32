namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>How much a command can hurt, in increasing order, so the highest of a script is its maximum.</summary>
public enum ScriptRisk
{
    /// <summary>Reads state or only affects the script itself.</summary>
    Read = 0,

    /// <summary>Changes configuration without, as far as the rules can tell, cutting anyone off.</summary>
    Change = 1,

    /// <summary>Can cut the operator off or lose configuration.</summary>
    Destructive = 2,
}
