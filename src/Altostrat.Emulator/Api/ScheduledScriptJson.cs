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
        writer.WriteStringOrNull("test_site_id", r.TestSiteId);
        writer.WriteBoolean("make_backup", r.MakeBackup);
        writer.WriteBoolean("abort_if_offline", r.AbortIfOffline);
        writer.WriteString("description", r.Description);
        writer.WriteStringOrNull("summary", r.Summary);
        writer.WriteString("script", r.Script);
        writer.WriteString("status", r.Status);
        writer.WriteStringOrNull("authorized_at", Timestamps.Write(r.AuthorizedAt));
        writer.WriteStringOrNull("cancelled_at", Timestamps.Write(r.CancelledAt));
        writer.WriteString("launch_at", Timestamps.Write(r.LaunchAt));
        writer.WriteStringOrNull("t_minus", r.Status == ScriptStatus.Cancelled ? null : TMinus.Describe(r.LaunchAt, now));
        writer.WriteStringOrNull("started_at", Timestamps.Write(r.StartedAt));
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

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
