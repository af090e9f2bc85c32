using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Http;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.Sdx;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Sdx;

/// <summary>
/// Invoke-AltoRouterCommand -SiteId: a read-only command on each site through the synchronous endpoint, each reply
/// row an object with its SiteId; a site that fails is a non-terminating error and the others go on.
/// </summary>
internal static class SiteCommands
{
    public static Task RunAsync(AltoApiClient client, IReadOnlyList<string> sites, RouterCommand command, int throttleLimit,
        Action<Action> post, Action<object> writeObject, Action<ErrorRecord> writeError, CancellationToken token)
    {
        var request = SynchronousCommands.ToRequest(command);
        return SiteFanOut.RunAsync(sites, throttleLimit, (site, t) =>
            client.RunSynchronousCommandAsync(site, request, row =>
            {
                var item = SdxMapper.ToSiteRow(row, site);
                post(() => writeObject(item));
            }, t), (site, error) => post(() => writeError(ErrorRecords.From(error, site))), token);
    }
}
