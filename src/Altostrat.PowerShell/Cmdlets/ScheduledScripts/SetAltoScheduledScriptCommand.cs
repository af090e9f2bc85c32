using System;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>Set-AltoScheduledScript: changes only the fields given. Any change sends the script back to unauthorized.</summary>
[Cmdlet(VerbsCommon.Set, "AltoScheduledScript", SupportsShouldProcess = true, DefaultParameterSetName = ScriptSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoScheduledScript))]
public sealed class SetAltoScheduledScriptCommand : AltoCmdlet
{
    private const string ScriptSet = "Script";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ScheduledScriptId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PendingScheduledScriptIdCompleter))]
    public string Id { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    [Parameter(ParameterSetName = ScriptSet)]
    [AllowEmptyString]
    public string? Script { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [LaunchTime]
    public DateTime? LaunchAt { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[]? SiteId { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[]? Notify { get; set; }

    [Parameter]
    [AllowNull]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string? TestSiteId { get; set; }

    [Parameter]
    public SwitchParameter MakeBackup { get; set; }

    [Parameter]
    public SwitchParameter AbortIfOffline { get; set; }

    /// <summary>Sends a new script with syntax errors, and accepts a destructive one without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private RiskGate? _gate;
    private ScriptInput? _scripts;

    private static readonly string[] Changes =
        { nameof(Description), nameof(Script), nameof(Path), nameof(LaunchAt), nameof(SiteId), nameof(Notify), nameof(TestSiteId), nameof(MakeBackup), nameof(AbortIfOffline) };

    protected override void BeginProcessing()
    {
        // Any update resets the authorization, so one that changes nothing would only undo an approval.
        if (!Array.Exists(Changes, MyInvocation.BoundParameters.ContainsKey))
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.NothingToChange,
                "Nothing to change: give at least one of -Description, -Script, -Path, -LaunchAt, -SiteId, -Notify, -TestSiteId, -MakeBackup or -AbortIfOffline. " +
                "An update resets the script's authorization, so one that changes nothing is not sent.", Id));
        _gate = new RiskGate(this, Force);
        _scripts = new ScriptInput(this, Force);
    }

    protected override void ProcessRecord()
    {
        // Everything that can be checked without the API is checked first, so bad input sends nothing. Only a new
        // script is analyzed: the one already scheduled was checked when it was given.
        string? script = null;
        AltoScriptAnalysis? analysis = null;
        if (Path is not null || MyInvocation.BoundParameters.ContainsKey(nameof(Script)))
        {
            if (!_scripts!.TryRead(Script, Path, Id, out var text, out var checkedScript, out var scriptError)) { WriteError(scriptError); return; }
            script = text;
            analysis = checkedScript;
        }
        DateTimeOffset? launchAt = null;
        if (LaunchAt is { } requestedLaunch)
        {
            launchAt = InputValidation.LaunchTime(requestedLaunch, DateTimeOffset.UtcNow, out var launchError);
            if (launchAt is null) { WriteError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.LaunchAtInPast, launchError!, Id)); return; }
        }
        var sites = SiteId is null ? null : InputValidation.CleanIds(SiteId);
        if (sites is { Count: 0 })
        {
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.NoSite, "-SiteId is empty; a scheduled script needs at least one site. Leave -SiteId out to keep the current sites.", Id));
            return;
        }
        var client = RequireClient();
        ScheduledScriptDto? current = null;
        if (!RunOrWriteError(async token => current = await client.FindScheduledScriptAsync(Id, token).ConfigureAwait(false), Id)) return;
        if (current is null)
        {
            WriteError(ErrorRecords.ScheduledScriptNotFound(Id));
            return;
        }
        var status = Mapper.ParseStatus(current.Status);
        if (status is ScheduledScriptStatus.Launched or ScheduledScriptStatus.Cancelled)
        {
            WriteError(new ErrorRecord(new InvalidOperationException($"Scheduled script '{Id}' is {status.ToString().ToLowerInvariant()} and can no longer be changed. Create a new one with New-AltoScheduledScript."),
                ErrorIds.Sdx.ScheduledScriptNotEditable, ErrorCategory.InvalidOperation, Id));
            return;
        }

        var request = ScheduledScriptWriteRequest.From(current);
        if (Description is not null) request.Description = Description;
        if (script is not null) request.Script = script;
        if (launchAt is { } launch) request.LaunchAt = launch;
        if (sites is not null) request.Sites = sites;
        if (Notify is not null) request.Notify = InputValidation.CleanIds(Notify);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(TestSiteId))) request.TestSiteId = string.IsNullOrEmpty(TestSiteId) ? null : TestSiteId;
        if (MyInvocation.BoundParameters.ContainsKey(nameof(MakeBackup))) request.MakeBackup = MakeBackup;
        if (MyInvocation.BoundParameters.ContainsKey(nameof(AbortIfOffline))) request.AbortIfOffline = AbortIfOffline;
        if (!_gate!.ShouldProcess($"scheduled script {Id} ('{current.Description}')", "Update (authorization is reset)", analysis)) return;
        // Said once the update is made, and only where there was an authorization to lose: an unauthorized script
        // still needs its approval, as before.
        var lostAuthorization = status != ScheduledScriptStatus.Unauthorized;
        RunOrWriteError(async token =>
        {
            var updated = await client.UpdateScheduledScriptAsync(Id, request, token).ConfigureAwait(false);
            Post(() =>
            {
                if (lostAuthorization)
                    WriteWarning($"Scheduled script '{Id}' was authorized; the update reset it to unauthorized. Run Approve-AltoScheduledScript -Id {Id} again before it launches.");
                WriteObject(Mapper.ToScheduledScript(updated));
            });
        }, Id);
    }
}
