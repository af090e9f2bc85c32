using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// Executes API commands against a <see cref="RouterConfiguration"/>: print (queries, <c>.proplist</c>,
/// <c>count-only</c>), add, set, unset, remove, move, enable, disable, get, <c>/system/script/run</c> and
/// <c>/system/backup/save</c>. A failure is a <see cref="SimulatedTrap"/>, answered as <c>!trap</c>; a command that
/// fails changes nothing.
/// </summary>
public sealed class RouterCommandProcessor
{
    private static readonly HashSet<string> PrintOptions = new(StringComparer.Ordinal) { ".proplist", "count-only", "detail", "without-paging", "terse" };

    private readonly RouterConfiguration _configuration;
    private readonly SimulatedRouterOptions _options;

    public RouterCommandProcessor(RouterConfiguration configuration, SimulatedRouterOptions options)
    {
        _configuration = configuration;
        _options = options;
    }

    public RouterConfiguration Configuration => _configuration;

    /// <summary>How many scripts ran to completion (a test counts them).</summary>
    public int CompletedScriptRuns => Volatile.Read(ref _completedScriptRuns);

    private int _completedScriptRuns;

    public async Task<CommandOutcome> ExecuteAsync(string path, IReadOnlyList<KeyValuePair<string, string>> attributes,
        IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        if (path == "/system/backup/save") return SaveBackup(attributes);
        if (path is "/system/reboot" or "/system/shutdown") return CommandOutcome.Done;
        // RouterOS runs an export over the API but sends none of its text, only !done: the same here.
        if (path == "/export") return CommandOutcome.Done;
        // A message for the router's log: accepted, though the simulated routers keep no log.
        if (path is "/log/info" or "/log/warning" or "/log/error" or "/log/debug") return CommandOutcome.Done;

        var (menu, verb) = Split(path);
        if (menu.Path == "/system/script" && verb == "run") return await RunScriptAsync(menu, attributes, cancellationToken).ConfigureAwait(false);
        lock (_configuration.Sync)
        {
            return verb switch
            {
                "print" or "getall" => Print(menu, attributes, queries),
                "add" => Add(menu, attributes),
                "set" => Set(menu, attributes),
                "remove" => Remove(menu, attributes),
                "unset" => Unset(menu, attributes),
                "move" => Move(menu, attributes),
                "enable" or "disable" => Enable(menu, attributes, verb == "enable"),
                "get" => Get(menu, attributes),
                "export" => CommandOutcome.Done,
                _ => throw SimulatedTrap.NoSuchCommand(verb),
            };
        }
    }

    /// <summary>The menu and verb of <c>/ip/address/print</c>; a trap naming the first unknown word otherwise.</summary>
    public (RouterMenu Menu, string Verb) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        var menuPath = slash > 0 ? path.Substring(0, slash) : path;
        var verb = path.Substring(slash + 1);
        if (_configuration.TryGetMenu(menuPath, out var menu)) return (menu, verb);
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var known = "";
        foreach (var segment in segments)
        {
            var candidate = known + "/" + segment;
            if (!_configuration.MenuPaths.Any(p => p == candidate || p.StartsWith(candidate + "/", StringComparison.Ordinal)))
                throw SimulatedTrap.NoSuchCommand(segment);
            known = candidate;
        }
        throw SimulatedTrap.NoSuchCommand(verb);
    }

    private static CommandOutcome Print(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes, IReadOnlyList<string> queries)
    {
        string[]? properties = null;
        var countOnly = false;
        foreach (var attribute in attributes)
        {
            if (!PrintOptions.Contains(attribute.Key)) throw SimulatedTrap.UnknownParameter(attribute.Key);
            if (attribute.Key == ".proplist") properties = attribute.Value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
            if (attribute.Key == "count-only") countOnly = true;
        }

        var matching = menu.Items.Where(item => RouterQuery.Matches(queries, item)).ToList();
        if (countOnly) return CommandOutcome.Returning(matching.Count.ToString(CultureInfo.InvariantCulture));
        var rows = new List<IReadOnlyList<KeyValuePair<string, string>>>(matching.Count);
        foreach (var item in matching) rows.Add(Project(item, properties));
        return new CommandOutcome(rows, null);
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> Project(Dictionary<string, string> item, string[]? properties)
    {
        if (properties is null) return item.ToList();
        var row = new List<KeyValuePair<string, string>>(properties.Length);
        foreach (var property in properties)
            if (item.TryGetValue(property, out var value)) row.Add(new KeyValuePair<string, string>(property, value));
        return row;
    }

    private CommandOutcome Add(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        CheckReferences(menu, attributes);
        // place-before puts the new rule before an existing one instead of at the end; it is not a property.
        var placeBefore = attributes.Where(a => a.Key == "place-before" && menu.IsOrdered).Select(a => menu.Resolve(a.Value).Single()).FirstOrDefault();
        var item = menu.Add(attributes.Where(a => !(a.Key == "place-before" && menu.IsOrdered)));
        if (placeBefore is not null) menu.Move(new[] { item }, placeBefore);
        if (menu.Path == "/ip/address" && !item.ContainsKey("network")) item["network"] = NetworkAddress(item["address"]);
        _configuration.RaiseChanged(menu, item, false);
        AfterChange(menu);
        return CommandOutcome.Returning(item[".id"]);
    }

    private CommandOutcome Set(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var (targets, rest) = Targets(menu, attributes);
        CheckReferences(menu, rest);
        // All or nothing: a set that one target refuses (a dynamic item) leaves every target as it was.
        var before = targets.Select(t => new Dictionary<string, string>(t, StringComparer.Ordinal)).ToList();
        try
        {
            foreach (var item in targets)
            {
                menu.Set(item, rest);
                if (menu.Path == "/ip/address" && rest.Any(a => a.Key == "address") && !rest.Any(a => a.Key == "network"))
                    item["network"] = NetworkAddress(item["address"]);
            }
        }
        catch (SimulatedTrap)
        {
            for (var i = 0; i < targets.Count; i++) Replace(targets[i], before[i]);
            throw;
        }
        foreach (var item in targets) _configuration.RaiseChanged(menu, item, false);
        AfterChange(menu);
        return CommandOutcome.Done;
    }

    // unset =numbers=*1 =value-name=src-address (several names comma-separated).
    private CommandOutcome Unset(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var (targets, rest) = Targets(menu, attributes);
        var names = rest.FirstOrDefault(a => a.Key == "value-name").Value;
        if (string.IsNullOrEmpty(names)) throw new SimulatedTrap("failure: value-name is required", 1);
        foreach (var other in rest) if (other.Key != "value-name") throw SimulatedTrap.UnknownParameter(other.Key);
        var properties = names.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
        var before = targets.Select(t => new Dictionary<string, string>(t, StringComparer.Ordinal)).ToList();
        try
        {
            foreach (var item in targets) menu.Unset(item, properties);
        }
        catch (SimulatedTrap)
        {
            for (var i = 0; i < targets.Count; i++) Replace(targets[i], before[i]);
            throw;
        }
        foreach (var item in targets) _configuration.RaiseChanged(menu, item, false);
        AfterChange(menu);
        return CommandOutcome.Done;
    }

    // move =numbers=*3[,*4] [=destination=*1]: before the destination, or to the end.
    private CommandOutcome Move(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        if (!menu.IsOrdered) throw SimulatedTrap.NoSuchCommand("move");
        var (targets, rest) = Targets(menu, attributes);
        Dictionary<string, string>? destination = null;
        foreach (var attribute in rest)
        {
            if (attribute.Key != "destination") throw SimulatedTrap.UnknownParameter(attribute.Key);
            destination = menu.Resolve(attribute.Value).Single();
        }
        menu.Move(targets, destination);
        foreach (var item in targets) _configuration.RaiseChanged(menu, item, false);
        return CommandOutcome.Done;
    }

    private static void Replace(Dictionary<string, string> item, Dictionary<string, string> content)
    {
        item.Clear();
        foreach (var pair in content) item[pair.Key] = pair.Value;
    }

    // What the router does by itself after a change: connected routes follow the addresses.
    private void AfterChange(RouterMenu menu)
    {
        if (menu.Path is "/ip/address" or "/interface") _configuration.RefreshConnectedRoutes();
    }

    private static string NetworkAddress(string address) => RouterConfiguration.NetworkOf(address).Split('/')[0];

    private CommandOutcome Remove(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        if (!menu.CanRemove) throw SimulatedTrap.NoSuchCommand("remove");
        var (targets, rest) = Targets(menu, attributes);
        if (rest.Count > 0) throw SimulatedTrap.UnknownParameter(rest[0].Key);
        if (menu.Path == "/user") KeepAFullUser(menu, targets);
        menu.Remove(targets);
        foreach (var item in targets) _configuration.RaiseChanged(menu, item, true);
        AfterChange(menu);
        return CommandOutcome.Done;
    }

    // A router always keeps one enabled user of the full group, or nobody could manage it any more.
    private static void KeepAFullUser(RouterMenu users, List<Dictionary<string, string>> removing)
    {
        var remaining = users.Items.Except(removing).Any(u => u.TryGetValue("group", out var g) && g == "full"
            && !(u.TryGetValue("disabled", out var d) && d == "true"));
        if (!remaining) throw new SimulatedTrap("failure: can not remove the last full user", 1);
    }

    private CommandOutcome Enable(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes, bool enable)
    {
        if (menu.IsSingleton) throw SimulatedTrap.NoSuchCommand(enable ? "enable" : "disable");
        var (targets, rest) = Targets(menu, attributes);
        if (rest.Count > 0) throw SimulatedTrap.UnknownParameter(rest[0].Key);
        foreach (var item in targets)
            if (RouterMenu.IsDynamic(item)) throw new SimulatedTrap("failure: can not change dynamic item", 1);
        foreach (var item in targets)
        {
            item["disabled"] = enable ? "false" : "true";
            _configuration.RaiseChanged(menu, item, false);
        }
        AfterChange(menu);
        return CommandOutcome.Done;
    }

    private static CommandOutcome Get(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var (targets, rest) = Targets(menu, attributes);
        var name = rest.FirstOrDefault(a => a.Key == "value-name").Value;
        if (string.IsNullOrEmpty(name)) throw new SimulatedTrap("failure: value-name is required", 1);
        var item = targets.Single();
        return CommandOutcome.Returning(item.TryGetValue(name, out var value) ? value : throw new SimulatedTrap($"no such property ({name})", 1));
    }

    // Splits the item reference (.id or numbers) from the properties to apply.
    private static (List<Dictionary<string, string>> Items, List<KeyValuePair<string, string>> Properties) Targets(
        RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        string? reference = null;
        var rest = new List<KeyValuePair<string, string>>();
        foreach (var attribute in attributes)
        {
            if (attribute.Key is ".id" or "numbers") reference = attribute.Value;
            else rest.Add(attribute);
        }
        return (menu.Resolve(reference), rest);
    }

    // An address on an interface the router does not have is refused, as on a real router.
    private void CheckReferences(RouterMenu menu, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key != "interface" && attribute.Key != "in-interface" && attribute.Key != "out-interface") continue;
            if (!_configuration.Menu("/interface").Items.Any(i => i.TryGetValue("name", out var n) && n == attribute.Value))
                throw new SimulatedTrap($"input does not match any value of {attribute.Key}", 1);
        }
    }

    private CommandOutcome SaveBackup(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var name = attributes.FirstOrDefault(a => a.Key == "name").Value;
        if (string.IsNullOrEmpty(name)) name = _options.Identity + "-backup";
        foreach (var attribute in attributes)
            if (attribute.Key is not ("name" or "dont-encrypt" or "password" or "encryption")) throw SimulatedTrap.UnknownParameter(attribute.Key);
        lock (_configuration.Sync)
        {
            var files = _configuration.Menu("/file");
            var item = files.Add(new[] { new KeyValuePair<string, string>("name", name + ".backup") });
            item["type"] = "backup";
            _configuration.RaiseChanged(files, item, false);
        }
        return CommandOutcome.Done;
    }

    private async Task<CommandOutcome> RunScriptAsync(RouterMenu menu, IReadOnlyList<KeyValuePair<string, string>> attributes, CancellationToken cancellationToken)
    {
        string source;
        string name;
        lock (_configuration.Sync)
        {
            var (targets, _) = Targets(menu, attributes);
            var entry = targets.Single();
            source = entry.TryGetValue("source", out var s) ? s : "";
            name = entry.TryGetValue("name", out var n) ? n : entry[".id"];
            entry["run-count"] = (int.Parse(entry.TryGetValue("run-count", out var count) ? count : "0", CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }
        if (_options.FailScriptRuns) throw new SimulatedTrap($"failure: simulated script error in {name}", 3);
        await new ScriptInterpreter(this).RunAsync(source, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _completedScriptRuns);
        return CommandOutcome.Done;
    }
}
