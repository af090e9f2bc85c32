using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Completion;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Pipeline;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.ScheduledScripts;

/// <summary>
/// New-AltoScheduledScript: schedules one script on a set of sites. Sites piped in (Get-AltoSite | ...) are
/// gathered into ONE schedule, created when the pipeline ends.
/// </summary>
[Cmdlet(VerbsCommon.New, "AltoScheduledScript", SupportsShouldProcess = true, DefaultParameterSetName = ScriptSet, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AltoScheduledScript))]
public sealed class NewAltoScheduledScriptCommand : AltoCmdlet
{
    private const string ScriptSet = "Script";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ScriptSet, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Script { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true)]
    [LaunchTime]
    public DateTime LaunchAt { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string[] SiteId { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNull]
    public string[] Notify { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SiteIdCompleter))]
    public string? TestSiteId { get; set; }

    [Parameter]
    public SwitchParameter MakeBackup { get; set; }

    [Parameter]
    public SwitchParameter AbortIfOffline { get; set; }

    /// <summary>Sends a script with syntax errors, and schedules a destructive one without asking.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private readonly List<string> _sites = new();
    private readonly HashSet<string> _scripts = new(StringComparer.Ordinal);

    protected override void ProcessRecord()
    {
        _sites.AddRange(SiteId);
        if (ParameterSetName == ScriptSet) _scripts.Add(Script);
    }

    protected override void EndProcessing()
    {
        // An empty pipeline (a site filter that matched nothing) never ran ProcessRecord: the -Script typed on the
        // command line still counts, so that the error is about the missing sites, not an empty script.
        if (_scripts.Count == 0 && ParameterSetName == ScriptSet) _scripts.Add(Script);
        if (_scripts.Count > 1)
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.SeveralScripts,
                $"{_scripts.Count} different scripts came down the pipeline; one schedule takes one script. Pipe one script, or call New-AltoScheduledScript once per script.", null));

        if (!new ScriptInput(this, Force).TryRead(_scripts.FirstOrDefault(), ParameterSetName == PathSet ? Path : null, Description, out var script, out var analysis, out var scriptError))
            ThrowTerminatingError(scriptError);

        var launchAt = InputValidation.LaunchTime(LaunchAt, DateTimeOffset.UtcNow, out var launchError);
        if (launchAt is null) ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.LaunchAtInPast, launchError!, LaunchAt));

        var sites = InputValidation.CleanIds(_sites);
        if (sites.Count == 0)
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.NoSite,
                "No site was given. Pass -SiteId, or pipe sites in: Get-AltoSite | New-AltoScheduledScript ...", null));
        var target = $"{sites.Count} site(s): {string.Join(", ", sites.Take(5))}{(sites.Count > 5 ? ", ..." : "")}";
        if (!new RiskGate(this, Force).ShouldProcess(target, $"Schedule '{Description}' at {launchAt!.Value.ToLocalTime():u}", analysis)) return;

        var request = new ScheduledScriptWriteRequest
        {
            Description = Description,
            Script = script,
            LaunchAt = launchAt.Value,
            Sites = sites,
            Notify = InputValidation.CleanIds(Notify),
            TestSiteId = TestSiteId,
            MakeBackup = MakeBackup,
            AbortIfOffline = AbortIfOffline,
        };
        var client = RequireClient();
        RunOrThrow(async token =>
        {
            var created = await client.CreateScheduledScriptAsync(request, token).ConfigureAwait(false);
            Post(() => WriteObject(Mapper.ToScheduledScript(created)));
        }, Description);
    }
}
