namespace Altostrat.PowerShell;

/// <summary>What a planned change does to a menu entry.</summary>
public enum ConfigurationChangeAction
{
    Add,
    Set,
    Remove,
    Move,
}
