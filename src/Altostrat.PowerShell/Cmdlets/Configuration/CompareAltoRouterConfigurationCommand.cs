using System;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.PowerShell.Configuration;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Cmdlets.Configuration;

/// <summary>
/// Compare-AltoRouterConfiguration: reads each router and emits what Set-AltoRouterConfiguration would change, one
/// object per change, and nothing for a router that already matches. It only reads.
/// </summary>
[Cmdlet(VerbsData.Compare, "AltoRouterConfiguration", DefaultParameterSetName = ComputerSet)]
[OutputType(typeof(AltoConfigurationChange))]
public sealed class CompareAltoRouterConfigurationCommand : RouterCmdlet
{
    private DesiredStateDocument? _document;
    // The routers of this command plan the same lines: each is analysed once.
    private readonly ScriptRatingCache _ratedLines = new();

    /// <summary>A hashtable, or the path of a .psd1 or .json file, in the desired-state shape (see about_AltostratDesiredState).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public object DesiredState { get; set; } = null!;

    protected override void BeginProcessing()
    {
        _document = DesiredStateInput.Read(this, DesiredState, out var error);
        if (_document is null) ThrowTerminatingError(error!);
        base.BeginProcessing();
    }

    protected override void EndProcessing() => RunOnRouters("Comparing configuration", async (name, endpoint, token) =>
    {
        try
        {
            using var session = await RouterConfigurationSession.OpenAsync(endpoint, _document!, token).ConfigureAwait(false);
            var plan = await session.ReadAndPlanAsync(token).ConfigureAwait(false);
            // Mapped (and the plan rated at once) here, on the router's own thread: only the writing needs the pipeline thread.
            plan.Rate(_ratedLines);
            var changes = plan.Changes.Select(change => ConfigurationMapper.ToChange(name, change)).ToList();
            Post(() =>
            {
                foreach (var note in plan.Notes) WriteWarning($"{name}: {note}");
                foreach (var change in changes) WriteObject(change);
            });
            return false;
        }
        catch (Exception ex) when (ex is RouterException or DesiredStateException)
        {
            Post(() => WriteError(ConfigurationErrors.From(ex, name)));
            return true;
        }
    });
}
