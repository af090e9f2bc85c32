namespace Altostrat.HelpCompiler;

/// <summary>What Get-Help shows about a parameter besides its text, as the cmdlet class declares it.</summary>
public sealed record ParameterMetadata(bool Required, string Position, bool ByValue, bool ByPropertyName, string Aliases, bool Globbing)
{
    public string PipelineInput => (ByValue, ByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}
