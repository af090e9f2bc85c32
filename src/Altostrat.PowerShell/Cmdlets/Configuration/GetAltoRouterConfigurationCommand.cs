using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.PowerShell.Configuration;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Mapping;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Cmdlets.Configuration;

/// <summary>
/// Get-AltoRouterConfiguration: reads menus from each router, one object per router and menu with its entries; or,
/// with -AsDesiredState, the desired-state document of what each router holds, which Compare- and
/// Set-AltoRouterConfiguration take back unchanged.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AltoRouterConfiguration", DefaultParameterSetName = ComputerSet)]
[OutputType(typeof(AltoRouterConfiguration))]
[OutputType(typeof(OrderedDictionary))]
public sealed class GetAltoRouterConfigurationCommand : RouterCmdlet
{
    private List<string> _paths = new();

    /// <summary>The menus to read (/ip/firewall/filter or /ip firewall filter).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.ConfigurationMenuCompleter))]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Emits the desired-state document of each router instead of its entries.</summary>
    [Parameter]
    public SwitchParameter AsDesiredState { get; set; }

    protected override void BeginProcessing()
    {
        _paths = ConfigurationPaths.Check(this, Path, AsDesiredState);
        base.BeginProcessing();
    }

    protected override void EndProcessing() => RunOnRouters("Reading configuration", async (name, endpoint, token) =>
    {
        RouterConnection? connection = null;
        try
        {
            connection = await endpoint.OpenAsync(token).ConfigureAwait(false);
            var rows = await ConfigurationReader.ReadAsync(connection, _paths, token).ConfigureAwait(false);
            if (AsDesiredState)
            {
                var warnings = new List<string>();
                var document = DesiredStateExport.Build(_paths, rows, warnings);
                var result = new PSObject(document);
                result.Properties.Add(new PSNoteProperty("ComputerName", name));
                Post(() =>
                {
                    foreach (var warning in warnings) WriteWarning($"{name}: {warning}");
                    WriteObject(result);
                });
                return false;
            }
            foreach (var path in _paths)
            {
                var configuration = ConfigurationMapper.ToConfiguration(name, path, rows[path]);
                Post(() => WriteObject(configuration));
            }
            return false;
        }
        catch (RouterException ex)
        {
            Post(() => WriteError(RouterErrors.From(ex, name)));
            return true;
        }
        finally
        {
            if (endpoint.OwnsConnection) connection?.Dispose();
        }
    });
}
