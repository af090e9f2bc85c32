using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>Reads menus from a router as rows of properties, all menus at once on one connection.</summary>
public static class ConfigurationReader
{
    /// <summary>
    /// Prints every menu in <paramref name="paths"/>, the prints in flight together (tagged), and returns each menu's
    /// rows in the router's order, each a <see cref="RouterRow"/> over its reply sentence. Dynamic and default rows are included: the planner must see them to leave them alone.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>> ReadAsync(
        RouterConnection connection, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        if (paths is null) throw new ArgumentNullException(nameof(paths));
        var menus = paths.Select(RouterCommand.NormalizePath).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var prints = menus.Select(path => connection.ExecuteAsync(new RouterCommand(path + "/print"), cancellationToken)).ToList();
        var replies = await Task.WhenAll(prints).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < menus.Count; i++) result[menus[i]] = replies[i].Rows.Select(row => (IReadOnlyDictionary<string, string>)new RouterRow(row)).ToList();
        return result;
    }
}
