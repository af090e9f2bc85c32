namespace Altostrat.Engine.RouterOs.Scripting;

public enum ScriptDiagnosticSeverity
{
    /// <summary>RouterOS would refuse the script.</summary>
    Error,

    /// <summary>Probably a mistake, but RouterOS may accept it.</summary>
    Warning,
}
