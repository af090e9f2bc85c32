using System.Collections;
using System.Management.Automation;

namespace Altostrat.PowerShell.Validation;

/// <summary>
/// On -ComputerName: refuses a site (Get-AltoSite output). PowerShell would turn it into its SiteId and bind that as a
/// host name, and every router would then fail to resolve, with nothing to say that a site carries no address.
/// Not for cmdlets that also take sites by -SiteId (Invoke-AltoRouterScript, Invoke-AltoRouterCommand): PowerShell
/// tries -ComputerName first, and a refusal there would end the binding before the site could reach -SiteId.
/// </summary>
internal sealed class RouterAddressAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        foreach (var item in Items(inputData))
            if ((item is PSObject wrapped ? wrapped.BaseObject : item) is AltoSite site)
                throw new ArgumentTransformationMetadataException(
                    $"'{site.SiteId}' is a site, and a site carries no router address. Give the router's address or name with -ComputerName, " +
                    "or an open session with -Session; Invoke-AltoRouterScript and Invoke-AltoRouterCommand take sites (through SDX) by -SiteId.");
        return inputData;
    }

    private static IEnumerable Items(object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is IEnumerable items and not string ? items : new[] { inputData };
    }
}
