namespace Altostrat.PowerShell;

/// <summary>Where a scheduled script stands on one site.</summary>
public sealed class AltoScheduledScriptProgress
{
    public string ScheduledScriptId { get; set; } = "";
    public string SiteId { get; set; } = "";
    public SiteRunState State { get; set; }

    /// <summary>
    /// <see cref="State"/> under the name the router results use, so that "Where-Object Status -eq Failed" picks the
    /// failed sites here as it picks the failed routers there; hidden, so tables and Get-Member show State alone.
    /// </summary>
    [System.Management.Automation.Hidden]
    public SiteRunState Status => State;

    public override string ToString() => $"{SiteId}: {State}";
}
