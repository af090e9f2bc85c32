using System.Collections;
using System.Linq;
using System.Management.Automation;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Validation;

/// <summary>
/// On -ComputerName: refuses an object that names a site and no router address (Get-AltoSite output, and the progress,
/// job and backup objects that carry a SiteId). PowerShell would turn it into text and bind that as a host name, and
/// every router would then fail to resolve, with nothing to say that a site carries no address. An object that also has
/// an address property (a CSV row with SiteId and Address) passes: PowerShell binds that property.
/// Not for cmdlets that also take sites by -SiteId (Invoke-AltoRouterScript, Invoke-AltoRouterCommand): PowerShell
/// tries -ComputerName first, and a refusal there would end the binding before the site could reach -SiteId.
/// </summary>
internal sealed class RouterAddressAttribute : ArgumentTransformationAttribute
{
    private static readonly string[] AddressProperties = { "ComputerName", "Address", "IPAddress", "HostName" };

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        foreach (var item in Items(inputData))
        {
            if (item is null || (item is PSObject text ? text.BaseObject : item) is string) continue;
            var properties = PSObject.AsPSObject(item).Properties;
            if (properties["SiteId"] is not { } site || AddressProperties.Any(name => properties[name] is not null)) continue;
            throw new ArgumentTransformationMetadataException(ErrorRecords.SiteIsNoRouter(site.Value));
        }
        return inputData;
    }

    private static IEnumerable Items(object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is IEnumerable items and not string ? items : new[] { inputData };
    }
}
