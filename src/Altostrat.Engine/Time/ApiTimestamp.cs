using System;
using System.Globalization;

namespace Altostrat.Engine.Time;

/// <summary>
/// The API writes timestamps as <c>2025-11-01T02:00:00.000000Z</c> (UTC, six fractional digits) and sometimes
/// with an offset (<c>2026-04-20T03:14:15+00:00</c>). This reads both and always writes the first form.
/// </summary>
public static class ApiTimestamp
{
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// A PowerShell DateTime as the user meant it: Unspecified and Local kinds are local wall-clock times,
    /// Utc is UTC. The result is the same instant in UTC.
    /// </summary>
    public static DateTimeOffset FromUserDateTime(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime();
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
