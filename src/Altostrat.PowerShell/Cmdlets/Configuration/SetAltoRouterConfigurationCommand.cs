using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.PowerShell.Configuration;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Routers;
using Altostrat.PowerShell.Scripts;

namespace Altostrat.PowerShell.Cmdlets.Configuration;

/// <summary>
/// Set-AltoRouterConfiguration: plans what differs on each router, puts every change through ShouldProcess and the
/// risk gate (on the pipeline thread, while the router waits on its open connection; not at all for changes that
/// ShouldProcess would approve unseen, see RiskGate.ApprovesUnseen), applies the approved ones
/// pipelined on that connection, optionally inside RouterOS safe mode, re-reads to verify, and emits one result
/// per router. A router that already matches gets no write at all.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AltoRouterConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ComputerSet)]
[OutputType(typeof(AltoRouterConfigurationResult))]
public sealed class SetAltoRouterConfigurationCommand : RouterCmdlet
{
    private DesiredStateDocument? _document;
    private RiskGate? _gate;
    // The routers of this command plan the same lines: each is analysed once.
    private readonly ScriptRatingCache _ratedLines = new();

    /// <summary>A hashtable, or the path of a .psd1 or .json file, in the desired-state shape (see about_AltostratDesiredState).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public object DesiredState { get; set; } = null!;

    /// <summary>Applies the changes inside RouterOS safe mode (7.18+): if the session drops before the release, the router undoes them.</summary>
    [Parameter]
    public SwitchParameter SafeMode { get; set; }

    /// <summary>Applies destructive changes without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Seconds one router may take, connection to verification.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    [PSDefaultValue(Value = 300)]
    public int TimeoutSeconds { get; set; } = 300;

    protected override void BeginProcessing()
    {
        _document = DesiredStateInput.Read(this, DesiredState, out var error);
        if (_document is null) ThrowTerminatingError(error!);
        _gate = new RiskGate(this, Force, reviewWith: "Compare-AltoRouterConfiguration, or -WhatIf");
        base.BeginProcessing();
    }

    protected override void EndProcessing()
    {
        var job = new RouterConfigurationJob(_document!, SafeMode, TimeSpan.FromSeconds(TimeoutSeconds));
        RunOnRouters("Applying configuration", async (name, endpoint, token) =>
        {
            var outcome = await job.RunAsync(endpoint, (session, t) => ApproveAsync(name, session.Plan!, t), token).ConfigureAwait(false);
            // The result reports the risk the gate rated each change with (ConfigurationChange.Rating), not a second analysis.
            var result = ConfigurationMapper.ToResult(outcome);
            Post(() => Report(result, outcome));
            return result.Status is RouterConfigurationStatus.Failed;
        });
    }

    // The changes are put to the user on the pipeline thread, one router's plan at a time; the router's job waits.
    // They are analysed here first, on the router's own thread and beside the other routers: every router's plan
    // passes through the one pipeline thread, which analysing them there made the bottleneck of a fleet run. When
    // ShouldProcess would approve them all without a word, the router does not wait for that thread at all.
    private Task<IEnumerable<ConfigurationChange>> ApproveAsync(string computerName, ConfigurationPlan plan, CancellationToken token)
    {
        var changes = plan.Changes;
        var verdicts = ScriptVerdict.OfEach(plan.Rate(_ratedLines));
        if (_gate!.ApprovesUnseen(verdicts)) return Task.FromResult<IEnumerable<ConfigurationChange>>(changes);
        var answer = new TaskCompletionSource<IEnumerable<ConfigurationChange>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = token.Register(() => answer.TrySetCanceled());
        Post(() =>
        {
            try
            {
                var approved = new List<ConfigurationChange>(changes.Count);
                for (var i = 0; i < changes.Count; i++)
                    if (_gate!.ShouldProcess(Target(computerName, changes[i]), Action(changes[i]), verdicts[i])) approved.Add(changes[i]);
                answer.TrySetResult(approved);
            }
            catch (Exception ex)
            {
                answer.TrySetException(ex);
                throw;
            }
        });
        return answer.Task.ContinueWith(t =>
        {
            registration.Dispose();
            return t;
        }, TaskScheduler.Default).Unwrap();
    }

    private static string Target(string computerName, ConfigurationChange change) =>
        change.Key.Length == 0 ? $"{computerName} {change.Path}" : $"{computerName} {change.Path} [{change.Key}]";

    private static string Action(ConfigurationChange change) => $"{change.Action}: {change.Script}";

    private void Report(AltoRouterConfigurationResult result, ConfigurationOutcome outcome)
    {
        // What the planner left alone or chose between, as Compare says it, also where nothing was to change.
        foreach (var note in outcome.Plan?.Notes ?? Array.Empty<string>()) WriteWarning($"{result.ComputerName}: {note}");
        // -WhatIf listed every change through ShouldProcess; the unchanged results would only repeat the routers.
        if (_gate!.WhatIf && result.Status == RouterConfigurationStatus.Unchanged) return;
        WriteObject(result);
        if (result.Status == RouterConfigurationStatus.RolledBack)
            WriteError(SafeModeErrors.RolledBack(ErrorIds.Configuration.RolledBack, result.ComputerName, "the changes were rolled back", result.SafeMode, outcome.Error));
        else if (result.Status == RouterConfigurationStatus.Failed && outcome.Error is { } error)
            WriteError(ConfigurationErrors.From(error, result.ComputerName));
    }
}
