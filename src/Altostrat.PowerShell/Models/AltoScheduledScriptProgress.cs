namespace Altostrat.PowerShell;

/// <summary>Where a scheduled script stands on one site.</summary>
public sealed class AltoScheduledScriptProgress
{
    public string ScheduledScriptId { get; set; } = "";
    public string SiteId { get; set; } = "";
    public SiteRunState State { get; set; }

    public override string ToString() => $"{SiteId}: {State}";
}
