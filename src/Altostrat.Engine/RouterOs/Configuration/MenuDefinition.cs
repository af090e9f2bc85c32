using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What the engine knows about one menu: its shape, how entries are told apart, and how each property compares.</summary>
public sealed class MenuDefinition
{
    // Every menu's rows carry these; none can be written.
    private static readonly string[] AlwaysReadOnly = { ".id", ".nextid", "dynamic", "invalid", "running", "default", "builtin", "inactive" };

    private readonly HashSet<string> _readOnly;
    // Kinds kept as their numbers: the framework ships Dictionary<string, int> compiled, while a table of this enum is
    // compiled on first use and runs unoptimised through the short runs where planning is hottest.
    private readonly Dictionary<string, int> _kinds;

    public MenuDefinition(string path, MenuKind kind, IReadOnlyList<string>? defaultKey = null, string? orderGroup = null,
        IEnumerable<string>? readOnly = null, IReadOnlyDictionary<string, PropertyKind>? kinds = null, bool addsKeepAccess = false)
    {
        if (string.IsNullOrWhiteSpace(path) || path[0] != '/') throw new ArgumentException("A menu path starts with '/', such as '/ip/dns'.", nameof(path));
        if (kind != MenuKind.SingleValue && (defaultKey is null || defaultKey.Count == 0))
            throw new ArgumentException($"The list menu {path} needs a default key.", nameof(defaultKey));
        Path = path;
        CliPath = "/" + path.Substring(1).Replace('/', ' ');
        Kind = kind;
        DefaultKey = defaultKey ?? Array.Empty<string>();
        OrderGroup = orderGroup;
        _readOnly = new HashSet<string>(AlwaysReadOnly, StringComparer.OrdinalIgnoreCase);
        if (readOnly is not null) _readOnly.UnionWith(readOnly);
        _kinds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (kinds is not null) foreach (var pair in kinds) _kinds[pair.Key] = (int)pair.Value;
        AddsKeepAccess = addsKeepAccess;
        AddCommand = path + "/add";
        SetCommand = path + "/set";
        UnsetCommand = path + "/unset";
        RemoveCommand = path + "/remove";
        MoveCommand = path + "/move";
    }

    // The API commands a change sends, spelled once per menu rather than once per change.
    internal string AddCommand { get; }

    internal string SetCommand { get; }

    internal string UnsetCommand { get; }

    internal string RemoveCommand { get; }

    internal string MoveCommand { get; }

    /// <summary>The API path, such as <c>/ip/firewall/filter</c>.</summary>
    public string Path { get; }

    /// <summary>The CLI spelling, such as <c>/ip firewall filter</c>, for the script lines a person and the risk gate read.</summary>
    public string CliPath { get; }

    public MenuKind Kind { get; }

    public bool IsList => Kind != MenuKind.SingleValue;

    /// <summary>The properties that identify an entry when the document names no key.</summary>
    public IReadOnlyList<string> DefaultKey { get; }

    /// <summary>
    /// The property whose value splits the list into independently ordered groups (<c>chain</c> for firewall rules:
    /// only the order within a chain matters); null when the whole list is one sequence.
    /// </summary>
    public string? OrderGroup { get; }

    /// <summary>True when a new entry of this menu gives access rather than takes it (an address, a route, a user).</summary>
    public bool AddsKeepAccess { get; }

    public bool IsReadOnly(string property) => _readOnly.Contains(property);

    public IEnumerable<string> ReadOnlyProperties => _readOnly;

    /// <summary>
    /// Whether a property a router prints is a setting of the entry, one a document can give: not its .id or another
    /// API word, not read-only, and not a flag the router keeps itself (dynamic, builtin, default, invalid).
    /// </summary>
    public bool IsSetting(string property) =>
        property.Length > 0 && property[0] != '.' && !IsReadOnly(property)
        && !property.Equals("dynamic", StringComparison.OrdinalIgnoreCase)
        && !property.Equals("builtin", StringComparison.OrdinalIgnoreCase)
        && !property.Equals("default", StringComparison.OrdinalIgnoreCase)
        && !property.Equals("invalid", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the catalog names <paramref name="property"/> for this menu (a key, a value kind, a read-only property,
    /// or the comment and disabled flag every list has). A property it does not name may still exist on a router.
    /// </summary>
    public bool Knows(string property) =>
        _kinds.ContainsKey(property) || _readOnly.Contains(property) || DefaultKey.Contains(property, StringComparer.OrdinalIgnoreCase)
        || (IsList && (property.Equals("comment", StringComparison.OrdinalIgnoreCase) || property.Equals("disabled", StringComparison.OrdinalIgnoreCase)));

    [MethodImpl(HotPath.Optimize)]
    public PropertyKind KindOf(string property) => _kinds.TryGetValue(property, out var kind) ? (PropertyKind)kind : PropertyKind.Text;

    public override string ToString() => Path;
}
