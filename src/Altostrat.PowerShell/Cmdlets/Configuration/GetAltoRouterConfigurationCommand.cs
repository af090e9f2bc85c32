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

    protected override void EndProcessing() => ReadFromRouters("Reading configuration", _paths, (name, rows) =>
    {
        if (AsDesiredState)
        {
            var warnings = new List<string>();
            var table = DesiredStateExport.Build(_paths, rows, warnings);
            // The first key, so that the Name/Value table of several routers' documents says whose each one is (Compare
            // and Set pass over it: it is no menu); and a property too, so that a document pipes into the router
            // cmdlets by property name instead of being taken for a computer name itself.
            table.Insert(0, "ComputerName", name);
            var document = new PSObject(table);
            document.Properties.Add(new PSNoteProperty("ComputerName", name));
            Post(() =>
            {
                foreach (var warning in warnings) WriteWarning($"{name}: {warning}");
                WriteObject(document);
            });
            return;
        }
        foreach (var path in _paths)
        {
            var configuration = ConfigurationMapper.ToConfiguration(name, path, rows[path]);
            Post(() => WriteObject(configuration));
        }
    });
}
