using System;

namespace Altostrat.Emulator.Api;

/// <summary>The API's human countdown to launch: "in 2 days", "in 5 minutes", "3 hours ago".</summary>
public static class TMinus
{
    public static string Describe(DateTimeOffset launchAt, DateTimeOffset now)
    {
        var delta = launchAt - now;
        var future = delta >= TimeSpan.Zero;
        var span = future ? delta : -delta;
        string amount =
            span.TotalDays >= 1 ? Unit((int)span.TotalDays, "day") :
            span.TotalHours >= 1 ? Unit((int)span.TotalHours, "hour") :
            span.TotalMinutes >= 1 ? Unit((int)span.TotalMinutes, "minute") :
            Unit((int)span.TotalSeconds, "second");
        return future ? "in " + amount : amount + " ago";
    }

    private static string Unit(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
