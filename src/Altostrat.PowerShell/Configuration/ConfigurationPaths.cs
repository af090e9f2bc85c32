using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Configuration;

/// <summary>The menus a configuration cmdlet is asked to read, checked before any router is contacted.</summary>
internal static class ConfigurationPaths
{
    /// <summary>
    /// The paths in API form, without repeats. Any menu can be read; a desired-state document needs a menu the
    /// catalog knows (its key, its read-only properties), so <paramref name="managedOnly"/> refuses the others.
    /// </summary>
    public static List<string> Check(PSCmdlet cmdlet, IEnumerable<string> paths, bool managedOnly)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            string normalized;
            try
            {
                normalized = RouterCommand.NormalizePath(path);
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Configuration.InvalidPath, ex.Message, path));
                return result;
            }
            var menu = MenuCatalog.Find(normalized);
            if (managedOnly && menu is null)
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Configuration.InvalidPath,
                    $"'{path}' is not a menu desired state can manage. Known menus: {string.Join(", ", MenuCatalog.All.Select(m => m.Path))}.", path));
            var apiPath = menu?.Path ?? normalized;
            if (!result.Contains(apiPath, StringComparer.OrdinalIgnoreCase)) result.Add(apiPath);
        }
        return result;
    }
}
