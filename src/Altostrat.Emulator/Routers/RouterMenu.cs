using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// One configuration menu of a simulated router: a list of items with <c>.id</c>s (<c>/ip/address</c>) or a single
/// settings item (<c>/system/identity</c>). Knows which properties it accepts and which an add requires.
/// </summary>
public sealed class RouterMenu
{
    private readonly HashSet<string> _writable;
    private readonly string[] _requiredOnAdd;
    private readonly Dictionary<string, string> _defaults;
    private int _nextId = 1;

    public RouterMenu(string path, bool isSingleton, IEnumerable<string> writable, IEnumerable<string>? requiredOnAdd = null,
        IDictionary<string, string>? defaults = null)
    {
        Path = path;
        IsSingleton = isSingleton;
        _writable = new HashSet<string>(writable, StringComparer.Ordinal) { "comment" };
        if (!isSingleton) _writable.Add("disabled");
        _requiredOnAdd = requiredOnAdd?.ToArray() ?? Array.Empty<string>();
        _defaults = new Dictionary<string, string>(defaults ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (isSingleton) Items.Add(new Dictionary<string, string>(_defaults, StringComparer.Ordinal));
    }

    public string Path { get; }

    public bool IsSingleton { get; }

    /// <summary>The items in order; each list item starts with its <c>.id</c>.</summary>
    public List<Dictionary<string, string>> Items { get; } = new();

    public Dictionary<string, string> Add(IEnumerable<KeyValuePair<string, string>> properties)
    {
        if (IsSingleton) throw SimulatedTrap.NoSuchCommand("add");
        var given = Validate(properties);
        foreach (var required in _requiredOnAdd)
            if (!given.ContainsKey(required)) throw new SimulatedTrap($"failure: {required} is required", 1);
        var item = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [".id"] = "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture),
        };
        foreach (var pair in _defaults) item[pair.Key] = pair.Value;
        foreach (var pair in given) item[pair.Key] = pair.Value;
        if (!item.ContainsKey("disabled")) item["disabled"] = "false";
        Items.Add(item);
        return item;
    }

    /// <summary>Adds an item that the router has on its own (an interface), bypassing the writable check.</summary>
    public Dictionary<string, string> Seed(params (string Key, string Value)[] properties) =>
        AddUnchecked(properties.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));

    private Dictionary<string, string> AddUnchecked(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var item = new Dictionary<string, string>(StringComparer.Ordinal) { [".id"] = "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture) };
        foreach (var pair in properties) item[pair.Key] = pair.Value;
        Items.Add(item);
        return item;
    }

    public void Set(Dictionary<string, string> item, IEnumerable<KeyValuePair<string, string>> properties)
    {
        foreach (var pair in Validate(properties)) item[pair.Key] = pair.Value;
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

    private Dictionary<string, string> Validate(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            if (!_writable.Contains(pair.Key)) throw SimulatedTrap.UnknownParameter(pair.Key);
            if (pair.Key == "disabled" && pair.Value is not ("yes" or "no" or "true" or "false"))
                throw new SimulatedTrap($"value of disabled must be yes or no", 1);
            given[pair.Key] = pair.Key == "disabled" ? (pair.Value is "yes" or "true" ? "true" : "false") : pair.Value;
        }
        return given;
    }
}
