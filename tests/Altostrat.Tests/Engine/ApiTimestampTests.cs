using System;
using System.Text.Json;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Serialization;
using Altostrat.Engine.Time;
using Xunit;

namespace Altostrat.Tests.Engine;

public sealed class ApiTimestampTests
{
    [Theory]
    [InlineData("2025-11-01T02:00:00.000000Z", 2025, 11, 1, 2, 0, 0, 0)]
    [InlineData("2025-11-01T02:00:05.123456Z", 2025, 11, 1, 2, 0, 5, 1234560)]
    [InlineData("2026-04-20T03:14:15+00:00", 2026, 4, 20, 3, 14, 15, 0)]
    [InlineData("2026-04-20T05:14:15+02:00", 2026, 4, 20, 3, 14, 15, 0)]
    public void Reads_the_forms_the_API_writes_as_UTC(string text, int y, int mo, int d, int h, int mi, int s, long extraTicks)
    {
        Assert.True(ApiTimestamp.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).AddTicks(extraTicks), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void Writes_UTC_with_six_fractional_digits()
    {
        var value = new DateTimeOffset(2025, 11, 1, 4, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        Assert.Equal("2025-11-01T02:00:00.123456Z", ApiTimestamp.Format(value));
    }

    [Fact]
    public void A_local_user_time_becomes_the_same_instant_in_UTC()
    {
        var local = new DateTime(2030, 6, 1, 9, 30, 0, DateTimeKind.Local);
        Assert.Equal(local.ToUniversalTime(), ApiTimestamp.FromUserDateTime(local).UtcDateTime);
        var unspecified = new DateTime(2030, 6, 1, 9, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal(local.ToUniversalTime(), ApiTimestamp.FromUserDateTime(unspecified).UtcDateTime);
        var utc = new DateTime(2030, 6, 1, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal(utc, ApiTimestamp.FromUserDateTime(utc).UtcDateTime);
    }

    [Fact]
    public void Serialises_requests_in_snake_case_with_the_wire_timestamp()
    {
        var json = JsonSerializer.Serialize(new ScheduledScriptWriteRequest
        {
            Description = "d", Script = "s", LaunchAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), Sites = { "site_1" },
        }, AltoJsonContext.Default.ScheduledScriptWriteRequest);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("2030-01-02T03:04:05.000000Z", doc.RootElement.GetProperty("launch_at").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("test_site_id").ValueKind);
        Assert.False(doc.RootElement.GetProperty("abort_if_offline").GetBoolean());
    }

    [Fact]
    public void Reads_the_seed_example_of_a_scheduled_script()
    {
        const string json = """
            {"id":"018f5bda-4690-4432-8472-358b2734f19b","created_by":"auth0|642b","test_site_id":null,"make_backup":true,
             "abort_if_offline":false,"description":"Weekly","summary":null,"script":"/ip firewall filter add","status":"scheduled",
             "authorized_at":"2025-10-30T10:00:00.000000Z","cancelled_at":null,"launch_at":"2025-11-01T02:00:00.000000Z","t_minus":"in 2 days",
             "started_at":null,"sites":["site_1AbCdEfGhIjKlMnOpQrStUv"],"notify":["auth0|5f9d"],
             "progress":{"completed":[],"failed":[],"pending":["site_1AbCdEfGhIjKlMnOpQrStUv"]},
             "created_at":"2025-10-29T12:44:27.000000Z","updated_at":"2025-10-29T13:05:00.000000Z"}
            """;
        var script = JsonSerializer.Deserialize(json, AltoJsonContext.Default.ScheduledScriptDto)!;
        Assert.Equal("scheduled", script.Status);
        Assert.Equal("in 2 days", script.TMinus);
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 2, 0, 0, TimeSpan.Zero), script.LaunchAt);
        Assert.Null(script.StartedAt);
        Assert.Equal("site_1AbCdEfGhIjKlMnOpQrStUv", Assert.Single(script.Progress!.Pending));
    }
}
