using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>
/// Approve-AltoScheduledScript: starts the authorization workflow (approval links go to the notify users).
/// With -Wait it follows the script until someone approves it and emits the scheduled script.
/// </summary>
[Cmdlet(VerbsLifecycle.Approve, "AltoScheduledScript", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoScheduledScript))]
public sealed class ApproveAltoScheduledScriptCommand : AltoCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScheduledScriptIdCompleter))]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds to wait for the approval with -Wait; 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Timeout { get; set; }

    [Parameter]
    [ValidateRange(0.05, 300)]
    public double PollIntervalSeconds { get; set; } = 2;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var client = RequireClient();
        foreach (var id in Id)
        {
            if (!ShouldProcess($"scheduled script {id}", "Request authorization (approval links go to the notify users)")) continue;
            RunOrWriteError(async token =>
            {
                await client.RequestAuthorizationAsync(id, token).ConfigureAwait(false);
                Post(() => WriteVerbose($"Authorization requested for {id}."));
                if (!Wait)
                {
                    if (PassThru && await client.FindScheduledScriptAsync(id, token).ConfigureAwait(false) is { } requested)
                        Post(() => WriteObject(Mapper.ToScheduledScript(requested)));
                    return;
                }
                var approved = await WaitForApprovalAsync(client, id, token).ConfigureAwait(false);
                if (approved is not null) Post(() => WriteObject(Mapper.ToScheduledScript(approved)));
            }, id);
        }
    }

    private async Task<ScheduledScriptDto?> WaitForApprovalAsync(Altostrat.Engine.Http.AltoApiClient client, string id, System.Threading.CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        var activity = $"Waiting for approval of {id}";
        while (true)
        {
            var script = await client.FindScheduledScriptAsync(id, token).ConfigureAwait(false)
                ?? throw new ItemNotFoundException($"Scheduled script '{id}' no longer exists.");
            var status = Mapper.ParseStatus(script.Status);
            if (status is ScheduledScriptStatus.Scheduled or ScheduledScriptStatus.Launched)
            {
                Post(() => WriteProgress(new ProgressRecord(1, activity, "Approved") { RecordType = ProgressRecordType.Completed }));
                return script;
            }
            if (status == ScheduledScriptStatus.Cancelled)
            {
                Post(() => WriteError(new ErrorRecord(new InvalidOperationException($"Scheduled script '{id}' was cancelled while waiting for its approval."),
                    ErrorIds.Sdx.ScheduledScriptCancelled, ErrorCategory.OperationStopped, id)));
                return null;
            }
            if (Timeout > 0 && watch.Elapsed.TotalSeconds >= Timeout)
            {
                Post(() => WriteError(new ErrorRecord(new TimeoutException($"Scheduled script '{id}' was not approved within {Timeout} s; it is still {script.Status}. The approval links stay valid: run Approve-AltoScheduledScript -Id {id} -Wait again to keep waiting."),
                    ErrorIds.Sdx.ApprovalTimedOut, ErrorCategory.OperationTimeout, id)));
                return null;
            }
            var elapsed = (int)watch.Elapsed.TotalSeconds;
            Post(() => WriteProgress(new ProgressRecord(1, activity, $"Status {script.Status}; waited {elapsed} s")));
            await Task.Delay(TimeSpan.FromSeconds(PollIntervalSeconds), token).ConfigureAwait(false);
        }
    }
}
