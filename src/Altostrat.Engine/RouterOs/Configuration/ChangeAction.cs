namespace Altostrat.Engine.RouterOs.Configuration;

public enum ChangeAction
{
    Add,
    Set,
    Remove,
    Move,
}
