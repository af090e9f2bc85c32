using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Scripts;

namespace Altostrat.PowerShell.Mapping;

/// <summary>From the API's wire shapes to the module's PowerShell objects: typed statuses, local times, id arrays.</summary>
internal static class Mapper
{
    public static AltoScheduledScript ToScheduledScript(ScheduledScriptDto dto) => new()
    {
        Id = dto.Id,
        Description = dto.Description,
        Status = ParseStatus(dto.Status),
        LaunchAt = Local(dto.LaunchAt),
        TMinus = dto.TMinus,
        SiteId = dto.Sites.ToArray(),
        TestSiteId = dto.TestSiteId,
        Script = dto.Script,
        Summary = dto.Summary,
        MakeBackup = dto.MakeBackup,
        AbortIfOffline = dto.AbortIfOffline,
        Notify = dto.Notify.ToArray(),
        CompletedSiteId = dto.Progress?.Completed.ToArray() ?? Array.Empty<string>(),
        FailedSiteId = dto.Progress?.Failed.ToArray() ?? Array.Empty<string>(),
        PendingSiteId = dto.Progress?.Pending.ToArray() ?? Array.Empty<string>(),
        CreatedBy = dto.CreatedBy,
        AuthorizedAt = Local(dto.AuthorizedAt),
        CancelledAt = Local(dto.CancelledAt),
        StartedAt = Local(dto.StartedAt),
        CreatedAt = Local(dto.CreatedAt),
        UpdatedAt = Local(dto.UpdatedAt),
    };

    public static ScheduledScriptStatus ParseStatus(string? status) => status switch
    {
        "unauthorized" => ScheduledScriptStatus.Unauthorized,
        "scheduled" => ScheduledScriptStatus.Scheduled,
        "launched" => ScheduledScriptStatus.Launched,
        "cancelled" => ScheduledScriptStatus.Cancelled,
        _ => ScheduledScriptStatus.Unknown,
    };

    /// <summary>One object per site, completed first, then failed, then pending.</summary>
    public static IEnumerable<AltoScheduledScriptProgress> ToProgress(string scheduledScriptId, ScriptProgressDto progress)
    {
        foreach (var site in progress.Completed) yield return new AltoScheduledScriptProgress { ScheduledScriptId = scheduledScriptId, SiteId = site, State = SiteRunState.Completed };
        foreach (var site in progress.Failed) yield return new AltoScheduledScriptProgress { ScheduledScriptId = scheduledScriptId, SiteId = site, State = SiteRunState.Failed };
        foreach (var site in progress.Pending) yield return new AltoScheduledScriptProgress { ScheduledScriptId = scheduledScriptId, SiteId = site, State = SiteRunState.Pending };
    }

    public static IEnumerable<AltoAiScript> ToAiScripts(string prompt, AiScriptResponseDto dto)
    {
        var usage = dto.TokenUsage is null ? null : new AltoTokenUsage { Prompt = dto.TokenUsage.Prompt, Completion = dto.TokenUsage.Completion, Total = dto.TokenUsage.Total };
        foreach (var item in dto.Response)
        {
            var analysis = ScriptReview.Analyze(item.Content, dto.ResponseId);
            yield return new AltoAiScript
            {
                Prompt = prompt,
                Script = item.Content,
                DestructiveByService = item.Destructive,
                DestructiveByAnalyzer = analysis.IsDestructive,
                Analysis = analysis,
                Error = item.Error,
                TokenUsage = usage,
                ResponseId = dto.ResponseId,
            };
        }
    }

    public static AltoSite ToSite(SiteDto dto) => new()
    {
        SiteId = dto.Id,
        Name = dto.Name,
        Model = dto.Model,
        SoftwareVersion = dto.SoftwareVersion,
        SerialNumber = dto.SerialNumber,
        HasPulse = dto.HasPulse,
        LastSeenAt = Local(dto.LastSeenAt),
    };

    public static AltoSiteJob ToSiteJob(string siteId, string description, string idempotencyKey, AsyncJobResponseDto dto) => new()
    {
        SiteId = siteId,
        Description = description,
        RequestId = dto.Data?.RequestId,
        IdempotencyKey = dto.Data?.IdempotencyKey ?? idempotencyKey,
        AcceptedAt = Local(dto.Data?.Date),
        NotifyUrl = Uri.TryCreate(dto.Data?.NotifyUrl, UriKind.Absolute, out var uri) ? uri : null,
    };

    private static DateTimeOffset? Local(DateTimeOffset? value) => value?.ToLocalTime();

    public static AltoRouterScriptResult ToRouterScriptResult(Altostrat.Engine.RouterOs.Fleet.RouterRunOutcome outcome) => new()
    {
        ComputerName = outcome.ComputerName,
        Status = outcome.Status switch
        {
            Altostrat.Engine.RouterOs.Fleet.RouterRunStatus.Succeeded => RouterScriptStatus.Succeeded,
            Altostrat.Engine.RouterOs.Fleet.RouterRunStatus.Skipped => RouterScriptStatus.Skipped,
            Altostrat.Engine.RouterOs.Fleet.RouterRunStatus.RolledBack => RouterScriptStatus.RolledBack,
            _ => RouterScriptStatus.Failed,
        },
        SafeMode = ConfigurationMapper.ToSafeModeOutcome(outcome.SafeMode),
        Error = outcome.Error?.Message,
        BackupName = outcome.BackupName,
        Duration = outcome.Duration,
        StartedAt = outcome.StartedAt.LocalDateTime,
    };
}
