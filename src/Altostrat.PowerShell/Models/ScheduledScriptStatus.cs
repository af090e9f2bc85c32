namespace Altostrat.PowerShell;

/// <summary>Where a scheduled script is in its life: unauthorized until approved, scheduled until launch, then launched; or cancelled.</summary>
public enum ScheduledScriptStatus
{
    Unknown = 0,
    Unauthorized,
    Scheduled,
    Launched,
    Cancelled,
}
