using System;
using System.Collections.Generic;

namespace Altostrat.Engine.Contracts;

/// <summary>The API's ScheduledScript resource, as it is on the wire.</summary>
public sealed class ScheduledScriptDto
{
    public string Id { get; set; } = "";
    public string? CreatedBy { get; set; }
    public string? TestSiteId { get; set; }
    public bool MakeBackup { get; set; }
    public bool AbortIfOffline { get; set; }
    public string Description { get; set; } = "";
    public string? Summary { get; set; }
    public string Script { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset? AuthorizedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? LaunchAt { get; set; }
    public string? TMinus { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public List<string> Sites { get; set; } = new();
    public List<string> Notify { get; set; } = new();
    public ScriptProgressDto? Progress { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
