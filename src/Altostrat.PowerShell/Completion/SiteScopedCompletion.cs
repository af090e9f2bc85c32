using System.Collections;
using System.Management.Automation;

namespace Altostrat.PowerShell.Completion;

/// <summary>The one site id already on the command line (-SiteId), for completers of a site's jobs and backups.</summary>
internal static class SiteScopedCompletion
{
    public static string? BoundSiteId(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters is null || !fakeBoundParameters.Contains("SiteId")) return null;
        var value = fakeBoundParameters["SiteId"];
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        return value switch
        {
            string text => text,
            object[] { Length: > 0 } items => (items[0] is PSObject p ? p.BaseObject : items[0])?.ToString(),
            _ => null,
        };
    }
}
