using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// One configuration menu of a simulated router: a list of items with <c>.id</c>s (<c>/ip/address</c>) or a single
/// settings item (<c>/system/identity</c>). Knows which properties it accepts, which are read-only, how each value
/// is normalised, which an add requires, and which items the router keeps for itself (dynamic, default and built-in
/// ones), and refuses what a router refuses with the trap a router answers.
/// </summary>
public sealed class RouterMenu
{
    private readonly HashSet<string> _writable;
    private readonly HashSet<string> _readOnly;
    private readonly HashSet<string> _writeOnly;
    private readonly Dictionary<string, RouterValueKind> _kinds;
    private readonly string[] _requiredOnAdd;
    private readonly Dictionary<string, string> _defaults;
    // Built-in items are the router's own (an ethernet port, a management service): they are not printed with a flag,
    // so they are known by id. Ids survive a safe-mode rollback, so this set does too.
    private readonly HashSet<string> _builtIn = new(StringComparer.Ordinal);
    private int _nextId = 1;

    /// <param name="writable">Properties a client may set (<c>comment</c> always; <c>disabled</c> on list menus).</param>
    /// <param name="requiredOnAdd">Properties an add must give; they cannot be unset either.</param>
    /// <param name="defaults">Values an added item (or the singleton) starts with; an unset returns a property to it.</param>
    /// <param name="readOnly">Properties the router shows but refuses to set (<c>running</c>, <c>dynamic</c>).</param>
    /// <param name="writeOnly">Properties accepted but never printed (passwords).</param>
    /// <param name="kinds">How values are checked and normalised; unlisted properties are text, <c>disabled</c> is boolean.</param>
    /// <param name="canAdd">False for menus of things the router has on its own (<c>/interface</c>, <c>/ip/service</c>): add and remove are no such command.</param>
    /// <param name="isOrdered">True for menus whose order matters (firewall rules): they have <c>move</c>.</param>
    /// <param name="canRemove">Whether remove exists; by default when add does (<c>/interface</c> has remove for what is not built in).</param>
    public RouterMenu(string path, bool isSingleton, IEnumerable<string> writable, IEnumerable<string>? requiredOnAdd = null,
        IDictionary<string, string>? defaults = null, IEnumerable<string>? readOnly = null, IEnumerable<string>? writeOnly = null,
        IDictionary<string, RouterValueKind>? kinds = null, bool canAdd = true, bool isOrdered = false, bool? canRemove = null)
    {
        Path = path;
        IsSingleton = isSingleton;
        _writable = new HashSet<string>(writable, StringComparer.Ordinal) { "comment" };
        if (!isSingleton) _writable.Add("disabled");
        _readOnly = new HashSet<string>(readOnly ?? Array.Empty<string>(), StringComparer.Ordinal);
        if (!isSingleton) { _readOnly.Add("dynamic"); _readOnly.Add("default"); }
        _writeOnly = new HashSet<string>(writeOnly ?? Array.Empty<string>(), StringComparer.Ordinal);
        _kinds = new Dictionary<string, RouterValueKind>(kinds ?? new Dictionary<string, RouterValueKind>(), StringComparer.Ordinal)
        {
            ["disabled"] = RouterValueKind.Boolean,
        };
        _requiredOnAdd = requiredOnAdd?.ToArray() ?? Array.Empty<string>();
        _defaults = new Dictionary<string, string>(defaults ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        CanAdd = canAdd && !isSingleton;
        CanRemove = (canRemove ?? canAdd) && !isSingleton;
        IsOrdered = isOrdered;
        if (isSingleton) Items.Add(new Dictionary<string, string>(_defaults, StringComparer.Ordinal));
    }

    public string Path { get; }

    public bool IsSingleton { get; }

    /// <summary>False when items are the router's own: add answers "no such command".</summary>
    public bool CanAdd { get; }

    /// <summary>False when no item can go (<c>/ip/service</c>): remove answers "no such command".</summary>
    public bool CanRemove { get; }

    /// <summary>True when the order of items matters and <c>move</c> changes it.</summary>
    public bool IsOrdered { get; }

    /// <summary>The items in order; each list item starts with its <c>.id</c>.</summary>
    public List<Dictionary<string, string>> Items { get; } = new();

    public static bool IsDynamic(IReadOnlyDictionary<string, string> item) => item.TryGetValue("dynamic", out var d) && d == "true";

    public static bool IsDefault(IReadOnlyDictionary<string, string> item) => item.TryGetValue("default", out var d) && d == "true";

    public bool IsBuiltIn(IReadOnlyDictionary<string, string> item) => item.TryGetValue(".id", out var id) && _builtIn.Contains(id);

    /// <summary>True for a property the router shows but a client cannot set (<c>running</c>, <c>dynamic</c>): an export leaves it out.</summary>
    public bool IsReadOnlyProperty(string name) => _readOnly.Contains(name);

    /// <summary>The value a property has until it is set (and after an unset); an export can leave such values out.</summary>
    public bool TryGetDefault(string name, out string value) => _defaults.TryGetValue(name, out value!);

    public Dictionary<string, string> Add(IEnumerable<KeyValuePair<string, string>> properties)
    {
        if (!CanAdd) throw SimulatedTrap.NoSuchCommand("add");
        var given = Validate(properties);
        foreach (var required in _requiredOnAdd)
            if (!given.ContainsKey(required)) throw new SimulatedTrap($"failure: {required} is required", 1);
        var item = new Dictionary<string, string>(StringComparer.Ordinal) { [".id"] = NextId() };
        foreach (var pair in _defaults) item[pair.Key] = pair.Value;
        foreach (var pair in given) if (pair.Value is { } value) item[pair.Key] = value;
        if (!item.ContainsKey("disabled")) item["disabled"] = "false";
        Items.Add(item);
        return item;
    }

    /// <summary>Adds an item that the router has on its own (a dynamic route, a default entry), bypassing the writable check.</summary>
    public Dictionary<string, string> Seed(params (string Key, string Value)[] properties)
    {
        var item = new Dictionary<string, string>(StringComparer.Ordinal) { [".id"] = NextId() };
        foreach (var (key, value) in properties) item[key] = value;
        Items.Add(item);
        return item;
    }

    /// <summary>Seeds an item the router cannot lose (an ethernet port, a service): it cannot be removed.</summary>
    public Dictionary<string, string> SeedBuiltIn(params (string Key, string Value)[] properties)
    {
        var item = Seed(properties);
        _builtIn.Add(item[".id"]);
        return item;
    }

    /// <summary>Sets properties; an empty value clears a property as RouterOS does (back to its default, or gone).</summary>
    public void Set(Dictionary<string, string> item, IEnumerable<KeyValuePair<string, string>> properties)
    {
        var given = Validate(properties);
        if (given.Count > 0) RefuseDynamic(item, "change");
        foreach (var pair in given)
        {
            if (pair.Value is { } value) item[pair.Key] = value;
            else Clear(item, pair.Key);
        }
    }

    /// <summary><c>unset</c>: the property goes back to its default, or is no longer set at all.</summary>
    public void Unset(Dictionary<string, string> item, IEnumerable<string> names)
    {
        var list = names.ToList();
        foreach (var name in list)
        {
            if (_readOnly.Contains(name)) throw ReadOnly(name);
            if (!_writable.Contains(name) && !_writeOnly.Contains(name)) throw SimulatedTrap.UnknownParameter(name);
            if (_requiredOnAdd.Contains(name) || name == "disabled") throw new SimulatedTrap($"failure: can not unset {name}", 1);
        }
        RefuseDynamic(item, "change");
        foreach (var name in list) Clear(item, name);
    }

    /// <summary>Removes items, refusing the router's own ones before anything is removed.</summary>
    public void Remove(IReadOnlyList<Dictionary<string, string>> items)
    {
        if (!CanRemove) throw SimulatedTrap.NoSuchCommand("remove");
        foreach (var item in items)
        {
            RefuseDynamic(item, "remove");
            if (IsDefault(item)) throw new SimulatedTrap("failure: can not remove default item", 1);
            if (IsBuiltIn(item)) throw new SimulatedTrap("failure: can not remove built-in item", 1);
        }
        foreach (var item in items) Items.Remove(item);
    }

    /// <summary>
    /// <c>move</c>: the items, in the order named, go before <paramref name="destination"/>, or to the end without one.
    /// </summary>
    public void Move(IReadOnlyList<Dictionary<string, string>> items, Dictionary<string, string>? destination)
    {
        if (!IsOrdered) throw SimulatedTrap.NoSuchCommand("move");
        foreach (var item in items) RefuseDynamic(item, "move");
        if (destination is not null && items.Contains(destination))
            throw new SimulatedTrap("failure: can not move an item before itself", 1);
        foreach (var item in items) Items.Remove(item);
        var at = destination is null ? Items.Count : Items.IndexOf(destination);
        Items.InsertRange(at, items.Distinct());
    }

    /// <summary>
    /// The items an <c>=.id=</c> or <c>=numbers=</c> value names: comma-separated ids (<c>*1,*2</c>), or names for
    /// menus whose items have one. An unknown reference is a trap, as on a router.
    /// </summary>
    public List<Dictionary<string, string>> Resolve(string? references)
    {
        if (IsSingleton) return new List<Dictionary<string, string>>(Items);
        if (string.IsNullOrEmpty(references)) throw new SimulatedTrap("failure: no item given (.id or numbers)", 1);
        var found = new List<Dictionary<string, string>>();
        foreach (var reference in references!.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var key = reference.StartsWith("*", StringComparison.Ordinal) ? ".id" : "name";
            var item = Items.FirstOrDefault(i => i.TryGetValue(key, out var value) && value == reference)
                ?? throw SimulatedTrap.NoSuchItem();
            found.Add(item);
        }
        return found;
    }

    /// <summary>A deep copy of the items, for a safe-mode rollback.</summary>
    internal List<Dictionary<string, string>> Snapshot() =>
        Items.Select(i => new Dictionary<string, string>(i, StringComparer.Ordinal)).ToList();

    /// <summary>
    /// Puts back the items of a <see cref="Snapshot"/>. Ids handed out since are not handed out again (a router's
    /// counter only goes up), so an item added and rolled back never shares an id with a later one.
    /// </summary>
    internal void Restore(List<Dictionary<string, string>> snapshot)
    {
        Items.Clear();
        Items.AddRange(snapshot.Select(i => new Dictionary<string, string>(i, StringComparer.Ordinal)));
    }

    private string NextId() => "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture);

    private void Clear(Dictionary<string, string> item, string name)
    {
        if (_defaults.TryGetValue(name, out var initial)) item[name] = initial;
        else item.Remove(name);
    }

    private static void RefuseDynamic(IReadOnlyDictionary<string, string> item, string what)
    {
        if (IsDynamic(item)) throw new SimulatedTrap($"failure: can not {what} dynamic item", 1);
    }

    private static SimulatedTrap ReadOnly(string name) => new($"failure: {name} is read-only", 1);

    // Checked and normalised values; null for a property an empty value clears.
    private Dictionary<string, string?> Validate(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            if (_readOnly.Contains(pair.Key)) throw ReadOnly(pair.Key);
            if (_writeOnly.Contains(pair.Key)) continue; // taken, never shown (a password)
            if (pair.Key == "place-before" && IsOrdered) continue; // a position, which the processor applies
            if (!_writable.Contains(pair.Key)) throw SimulatedTrap.UnknownParameter(pair.Key);
            var kind = _kinds.TryGetValue(pair.Key, out var k) ? k : RouterValueKind.Text;
            if (pair.Value.Length == 0 && kind is RouterValueKind.Text or RouterValueKind.List or RouterValueKind.PolicyList)
            {
                if (_requiredOnAdd.Contains(pair.Key)) throw new SimulatedTrap($"failure: {pair.Key} can not be empty", 1);
                // A setting with a default keeps the empty value (no DNS servers); anything else is no longer set.
                given[pair.Key] = _defaults.ContainsKey(pair.Key) || IsSingleton ? "" : null;
                continue;
            }
            given[pair.Key] = RouterValues.Normalize(kind, pair.Key, pair.Value);
        }
        return given;
    }
}
