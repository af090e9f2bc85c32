namespace Altostrat.PowerShell;

/// <summary>How a scheduled script went on one site.</summary>
public enum SiteRunState
{
    Pending,
    Completed,
    Failed,
}
