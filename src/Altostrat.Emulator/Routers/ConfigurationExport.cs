using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// A router's configuration as <c>/export</c> text, the form configuration backups hold: a header with the time and
/// software id, then one section per menu (<c>/ip address</c>) with an <c>add</c> per item or a <c>set</c> for settings,
/// long lines continued with a backslash as RouterOS wraps them. Reads the configuration under its lock only.
/// </summary>
public static class ConfigurationExport
{
    private const int WrapAt = 80;

    // State a router reports but an export never writes: it is not configuration.
    private static readonly HashSet<string> NotExported = new(StringComparer.Ordinal)
    {
        ".id", "running", "dynamic", "invalid", "actual-interface", "run-count", "last-started", "mac-address", "type", "size", "creation-time",
    };

    // Menus that hold state, not configuration.
    private static readonly HashSet<string> SkippedMenus = new(StringComparer.Ordinal) { "/system/resource", "/file" };

    public static string Export(RouterConfiguration configuration, DateTimeOffset at, string softwareId, string? model, string? serialNumber)
    {
        var text = new StringBuilder();
        lock (configuration.Sync)
        {
            var version = configuration.TryGetMenu("/system/resource", out var resource) && resource.Items.Count > 0 &&
                resource.Items[0].TryGetValue("version", out var v) ? v.Split(' ')[0] : SimulatedRouterOptions.DefaultVersion;
            text.Append("# ").Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" by RouterOS ").Append(version).Append('\n');
            text.Append("# software id = ").Append(softwareId).Append('\n');
            text.Append("#\n");
            if (model is not null) text.Append("# model = ").Append(model).Append('\n');
            if (serialNumber is not null) text.Append("# serial number = ").Append(serialNumber).Append('\n');
            foreach (var path in configuration.MenuPaths.OrderBy(Order).ThenBy(p => p, StringComparer.Ordinal))
            {
                if (SkippedMenus.Contains(path) || !configuration.TryGetMenu(path, out var menu)) continue;
                var lines = new List<string>();
                foreach (var item in menu.Items)
                {
                    // As RouterOS does: what the router made itself (connected routes, default entries) is not exported.
                    if (RouterMenu.IsDynamic(item) || RouterMenu.IsDefault(item)) continue;
                    var builtIn = menu.IsBuiltIn(item);
                    var properties = item.Where(p => !NotExported.Contains(p.Key) && !(builtIn && p.Key == "name") && !(menu.IsReadOnlyProperty(p.Key) && p.Key != "name"))
                        .Where(p => !(p.Key == "disabled" && p.Value is "false" or "no"))
                        .Where(p => !(menu.IsSingleton && p.Value.Length == 0))
                        .Select(p => p.Key + "=" + Quote(p.Key == "disabled" ? "yes" : p.Value)).ToList();
                    if (menu.IsSingleton)
                    {
                        if (properties.Count > 0) lines.Add("set " + string.Join(" ", properties));
                    }
                    else if ((path == "/interface" || builtIn) && item.TryGetValue("name", out var name))
                    {
                        // Interfaces exist on their own; the export says how they are set.
                        var rest = properties.Where(p => !p.StartsWith("name=", StringComparison.Ordinal)).ToList();
                        if (rest.Count > 0) lines.Add($"set [ find name={Quote(name)} ] " + string.Join(" ", rest));
                    }
                    else
                    {
                        lines.Add("add " + string.Join(" ", properties));
                    }
                }
                if (lines.Count == 0) continue;
                text.Append(path.Replace('/', ' ').Trim().Insert(0, "/")).Append('\n');
                foreach (var line in lines) AppendWrapped(text, line);
            }
        }
        return text.ToString();
    }

    // The order RouterOS exports in: interfaces first, system last.
    private static int Order(string path) =>
        path.StartsWith("/interface", StringComparison.Ordinal) ? 0 : path.StartsWith("/ip", StringComparison.Ordinal) ? 1 : 2;

    private static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '.' or '/' or ':' or ',' or '-' or '_' or '*')) return value;
        return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
    }

    /// <summary>Lines longer than the export's width break between words, each continuation indented four spaces.</summary>
    private static void AppendWrapped(StringBuilder text, string line)
    {
        var words = line.Split(' ');
        var current = new StringBuilder();
        foreach (var word in words)
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > WrapAt - 2)
            {
                text.Append(current).Append(" \\\n");
                current.Clear().Append("    ");
            }
            else if (current.Length > 0 && current.ToString() != "    ")
            {
                current.Append(' ');
            }
            current.Append(word);
        }
        text.Append(current).Append('\n');
    }
}
