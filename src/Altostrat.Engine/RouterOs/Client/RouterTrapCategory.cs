namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The <c>=category=</c> of a <c>!trap</c>, as the RouterOS API documents it.</summary>
public enum RouterTrapCategory
{
    MissingItemOrCommand = 0,
    ArgumentValueFailure = 1,
    CommandInterrupted = 2,
    ScriptFailure = 3,
    GeneralFailure = 4,
    ApiFailure = 5,
    TtyFailure = 6,
    ReturnValue = 7,
}
