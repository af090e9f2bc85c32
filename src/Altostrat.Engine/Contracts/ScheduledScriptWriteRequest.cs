using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Altostrat.Engine.Contracts;

/// <summary>The body of create (POST) and update (PUT) of a scheduled script: the API takes the same fields for both.</summary>
public sealed class ScheduledScriptWriteRequest
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TestSiteId { get; set; }
    public bool MakeBackup { get; set; }
    public bool AbortIfOffline { get; set; }
    public string Description { get; set; } = "";
    public string Script { get; set; } = "";
    public DateTimeOffset LaunchAt { get; set; }
    public List<string> Sites { get; set; } = new();
    public List<string> Notify { get; set; } = new();

    /// <summary>The request that leaves <paramref name="current"/> as it is; callers then change only what the user gave.</summary>
    public static ScheduledScriptWriteRequest From(ScheduledScriptDto current) => new()
    {
        TestSiteId = current.TestSiteId,
        MakeBackup = current.MakeBackup,
        AbortIfOffline = current.AbortIfOffline,
        Description = current.Description,
        Script = current.Script,
        LaunchAt = current.LaunchAt ?? DateTimeOffset.MinValue,
        Sites = new List<string>(current.Sites),
        Notify = new List<string>(current.Notify),
    };
}
