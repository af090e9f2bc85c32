namespace Altostrat.Emulator.Storage;

public static class ScriptStatus
{
    public const string Unauthorized = "unauthorized";
    public const string Scheduled = "scheduled";
    public const string Launched = "launched";
    public const string Cancelled = "cancelled";
}
