namespace Altostrat.Emulator.Storage;

public static class SiteRunState
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
