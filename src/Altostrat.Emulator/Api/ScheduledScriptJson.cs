using System;
using System.Collections.Generic;
using System.Text.Json;
using Altostrat.Emulator.Storage;

namespace Altostrat.Emulator.Api;

/// <summary>Writes the ScheduledScript resource with the seeds' field names, by hand, so the emulator shares no contract code with the client it tests.</summary>
public static class ScheduledScriptJson
{
    public static void Write(Utf8JsonWriter writer, ScheduledScriptRecord r, ScriptProgress progress, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WriteString("id", r.Id);
        writer.WriteString("created_by", r.CreatedBy);
        WriteNullable(writer, "test_site_id", r.TestSiteId);
        writer.WriteBoolean("make_backup", r.MakeBackup);
        writer.WriteBoolean("abort_if_offline", r.AbortIfOffline);
        writer.WriteString("description", r.Description);
        WriteNullable(writer, "summary", r.Summary);
        writer.WriteString("script", r.Script);
        writer.WriteString("status", r.Status);
        WriteNullable(writer, "authorized_at", Timestamps.Write(r.AuthorizedAt));
        WriteNullable(writer, "cancelled_at", Timestamps.Write(r.CancelledAt));
        writer.WriteString("launch_at", Timestamps.Write(r.LaunchAt));
        WriteNullable(writer, "t_minus", r.Status == ScriptStatus.Cancelled ? null : TMinus.Describe(r.LaunchAt, now));
        WriteNullable(writer, "started_at", Timestamps.Write(r.StartedAt));
        WriteArray(writer, "sites", r.Sites);
        WriteArray(writer, "notify", r.Notify);
        writer.WritePropertyName("progress");
        WriteProgress(writer, progress);
        writer.WriteString("created_at", Timestamps.Write(r.CreatedAt));
        writer.WriteString("updated_at", Timestamps.Write(r.UpdatedAt));
        writer.WriteEndObject();
    }

    public static void WriteProgress(Utf8JsonWriter writer, ScriptProgress progress)
    {
        writer.WriteStartObject();
        WriteArray(writer, "completed", progress.Completed);
        WriteArray(writer, "failed", progress.Failed);
        WriteArray(writer, "pending", progress.Pending);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
