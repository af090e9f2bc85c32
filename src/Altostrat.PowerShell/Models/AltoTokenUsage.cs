namespace Altostrat.PowerShell;

public sealed class AltoTokenUsage
{
    public int Prompt { get; set; }
    public int Completion { get; set; }
    public int Total { get; set; }

    public override string ToString() => Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
