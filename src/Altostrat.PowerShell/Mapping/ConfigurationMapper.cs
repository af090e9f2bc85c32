using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Mapping;

/// <summary>The engine's desired-state results as the module's public objects.</summary>
internal static class ConfigurationMapper
{
    public const string EntryTypeName = "Altostrat.RouterConfigurationEntry";

    /// <summary>The change as the module shows it, with the risk the gate rated it with (or, for a change never put to the gate, a new analysis).</summary>
    public static AltoConfigurationChange ToChange(string computerName, ConfigurationChange change, string? error = null)
    {
        var mapped = new AltoConfigurationChange
        {
            ComputerName = computerName,
            Path = change.Path,
            Action = change.Action switch
            {
                ChangeAction.Add => ConfigurationChangeAction.Add,
                ChangeAction.Remove => ConfigurationChangeAction.Remove,
                ChangeAction.Move => ConfigurationChangeAction.Move,
                _ => ConfigurationChangeAction.Set,
            },
            Id = change.Id,
            Key = change.Key,
            Destination = change.DestinationKey,
            ChangedProperties = change.ChangedProperties.ToArray(),
            Script = change.Script,
            Risk = (ScriptRisk)(int)(change.Rating?.MaxRisk ?? ScriptAnalyzer.Analyze(change.Script).MaxRisk),
            Error = error,
        };
        mapped.SetValues(change.Before, change.After);
        return mapped;
    }

    public static AltoRouterConfigurationResult ToResult(ConfigurationOutcome outcome)
    {
        var applied = outcome.AppliedChanges.Select(c => ToChange(outcome.ComputerName, c)).ToArray();
        var rolledBack = outcome.Status == ConfigurationStatus.RolledBack;
        return new AltoRouterConfigurationResult
        {
            ComputerName = outcome.ComputerName,
            Status = outcome.Status switch
            {
                ConfigurationStatus.Changed => RouterConfigurationStatus.Changed,
                ConfigurationStatus.Unchanged => RouterConfigurationStatus.Unchanged,
                ConfigurationStatus.RolledBack => RouterConfigurationStatus.RolledBack,
                _ => RouterConfigurationStatus.Failed,
            },
            Changes = rolledBack ? Array.Empty<AltoConfigurationChange>() : applied,
            RolledBackChanges = rolledBack ? applied : Array.Empty<AltoConfigurationChange>(),
            FailedChanges = outcome.Results.Where(r => !r.Succeeded).Select(r => ToChange(outcome.ComputerName, r.Change, r.Error?.Message ?? r.Status.ToString())).ToArray(),
            Remaining = outcome.Remaining?.Changes.Select(c => ToChange(outcome.ComputerName, c)).ToArray() ?? Array.Empty<AltoConfigurationChange>(),
            SafeMode = ToSafeModeOutcome(outcome.SafeMode),
            Error = outcome.Error?.Message,
            Duration = outcome.Duration,
            StartedAt = outcome.StartedAt.LocalDateTime,
        };
    }

    public static SafeModeOutcome ToSafeModeOutcome(SafeModeResult result) => result switch
    {
        SafeModeResult.Released => SafeModeOutcome.Released,
        SafeModeResult.Unrolled => SafeModeOutcome.Unrolled,
        SafeModeResult.RolledBackByRouter => SafeModeOutcome.RolledBackByRouter,
        SafeModeResult.Failed => SafeModeOutcome.Failed,
        _ => SafeModeOutcome.NotUsed,
    };

    public static AltoRouterConfiguration ToConfiguration(string computerName, string path, IReadOnlyList<IReadOnlyDictionary<string, string>> rows) => new()
    {
        ComputerName = computerName,
        Path = path,
        Entries = rows.Select(ToEntry).ToArray(),
    };

    private static PSObject ToEntry(IReadOnlyDictionary<string, string> row) =>
        RouterCommands.RowObject(EntryTypeName, null, null, row);
}
