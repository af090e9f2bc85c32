using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Altostrat.Engine.RouterOs.Scripting;
using Altostrat.Engine.Text;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Compares a document with the rows read from a router and lists the changes that make them match. A pure
/// function, linear in the number of entries and rows: matching goes through a dictionary of normalised keys.
/// <para><b>Semantics.</b> A property the document does not give is left alone; a null unsets it. Rows the router
/// marks dynamic, built-in or default are never changed, removed or matched. Values compare as
/// <see cref="ValueNormalizer"/> normalises them. Absent = Remove removes the other rows; Order = true moves entries
/// into document order, within each chain on firewall menus (the rest of the list keeps its place).</para>
/// <para><b>Order of execution</b> (the plan's order; the executor runs one phase after the other):
/// 1. additions that give access: new /ip/address, /ip/route and /user entries and firewall rules whose action is
/// accept, so that replacing an address, a route, an account or an accept rule never passes through a moment
/// without one; the other firewall rules with them, as a rule's place in its chain decides what it does; 2. removals; 3. sets; 4. the other additions; 5. moves, last because they refer to the ids the
/// additions return. Within a phase, changes keep document order, menu by menu.</para>
/// </summary>
public static class ConfigurationPlanner
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> NoRows = Array.Empty<IReadOnlyDictionary<string, string>>();
    internal static readonly ChangePhase[] PhasesInOrder = ((ChangePhase[])Enum.GetValues(typeof(ChangePhase))).OrderBy(p => p).ToArray();

    /// <param name="rows">The rows each menu's print returned, keyed by API path (dynamic rows included).</param>
    /// <param name="routerName">The router the rows come from, for the messages; null says "the router".</param>
    /// <param name="strict">
    /// False for the verification after applying: the document was accepted before anything was written, and a change
    /// that hid a property must not turn the result into a refusal that says nothing was sent.
    /// </param>
    /// <exception cref="DesiredStateException">
    /// Only when <paramref name="strict"/>. A single-value menu of the document sets a property the router's menu does
    /// not have (a misspelling, or a setting of another RouterOS version); or several router entries share the key of
    /// a document entry and none of them matches it, so the key does not say which one to change: nothing of the
    /// document can be applied to that router as written.
    /// </exception>
    [MethodImpl(HotPath.Optimize)]
    public static ConfigurationPlan Plan(DesiredStateDocument document, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> rows,
        string? routerName = null, bool strict = true)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (rows is null) throw new ArgumentNullException(nameof(rows));
        var changes = new List<ConfigurationChange>();
        var notes = new List<string>();
        foreach (var menu in document.Menus)
        {
            var menuRows = rows.TryGetValue(menu.Path, out var found) ? found : NoRows;
            var refuseAs = strict ? routerName ?? "the router" : null;
            if (menu.Definition.IsList) PlanList(menu, menuRows, changes, notes, refuseAs);
            else PlanSingle(menu, menuRows, changes, refuseAs);
        }
        // Stable: document order within each phase. One pass per phase (there are five) rather than a general sort.
        var ordered = new List<ConfigurationChange>(changes.Count);
        foreach (var phase in PhasesInOrder)
            foreach (var change in changes)
                if (change.Phase == phase) ordered.Add(change);
        return new ConfigurationPlan(ordered, notes);
    }

    /// <summary>True when the router marks the row as its own: never touched.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static bool IsProtected(IReadOnlyDictionary<string, string> row) =>
        IsTrue(row, "dynamic") || IsTrue(row, "builtin") || IsTrue(row, "default");

    [MethodImpl(HotPath.Optimize)]
    private static bool IsTrue(IReadOnlyDictionary<string, string> row, string name) =>
        row.TryGetValue(name, out var value) && ValueNormalizer.Boolean(value.Trim()) == "true";

    // routerName: null when properties the router does not print are not refused.
    private static void PlanSingle(DesiredMenu menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, List<ConfigurationChange> changes, string? routerName)
    {
        var row = rows.Count > 0 ? rows[0] : new Dictionary<string, string>();
        // A single-value menu prints the properties it has (the catalog knows the ones some versions hide), so one
        // missing from the print and unknown to the catalog is not there to set.
        if (routerName is not null && row.Count > 0)
            foreach (var property in menu.ValueTable!.Keys)
                if (!row.ContainsKey(property) && !menu.Definition.Knows(property))
                    throw UnknownProperty(menu, property, row, routerName);
        var change = SetChange(menu, menu.ValueTable!, row, id: null, key: string.Empty, findById: false);
        if (change is not null) changes.Add(change);
    }

    private static DesiredStateException UnknownProperty(DesiredMenu menu, string property, IReadOnlyDictionary<string, string> row, string routerName)
    {
        var settable = row.Keys.Where(name => !menu.Definition.IsReadOnly(name)).ToList();
        var meant = SpellingSuggestion.Closest(property, settable);
        return new DesiredStateException(
            $"{routerName} has no such property{(meant is null ? "" : $" (did you mean '{meant}'?)")}; it has {string.Join(", ", settable)}. Nothing was sent to {routerName}.",
            menu: menu.Path, field: property);
    }

    // A list prints only the properties an entry has, so one no entry has may still exist: a hint, when one it has is spelled almost alike.
    private static void NoteMisspelledProperties(DesiredMenu menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, List<string> notes)
    {
        HashSet<string>? unknown = null;
        foreach (var entry in menu.Entries)
            foreach (var property in entry.PropertyTable.Keys)
                if (!menu.Definition.Knows(property)) (unknown ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(property);
        if (unknown is null) return;
        unknown.RemoveWhere(property => rows.Any(row => row.ContainsKey(property)));
        if (unknown.Count == 0) return;
        var seen = new HashSet<string>(rows.SelectMany(row => row.Keys).Where(name => !menu.Definition.IsReadOnly(name)), StringComparer.OrdinalIgnoreCase);
        foreach (var property in unknown)
            if (SpellingSuggestion.Closest(property, seen) is { } meant)
                notes.Add($"{menu.Path}: no entry on the router has '{property}'; did you mean '{meant}'? The router refuses a property it does not have.");
    }

    // Several router entries answer to one document entry: which one is managed, what becomes of the others, and how to tell them apart.
    private static string SharedKeyNote(DesiredMenu menu, string keyText, int count, string? managedId) =>
        $"{menu.Path}: the router has {count} entries with {keyText}; the document manages the one that already matches it" +
        (managedId is null ? "" : $" ({managedId})") + " and " +
        (menu.Absent == AbsentEntries.Remove ? "removes the others" : "leaves the others as they are") +
        ". " + TellApart(menu);

    private static string TellApart(DesiredMenu menu) =>
        "Add a property that tells them apart to Key" +
        (menu.Key.Contains("comment", StringComparer.OrdinalIgnoreCase) ? ", or give each a comment of its own." : " (a comment, for instance).");

    // Several router entries share the key and each differs from the document: changing one of them would be a guess,
    // and a wrong guess rewrites another rule (a NAT rule added above it since the document was written, say).
    private static DesiredStateException SharedKeyRefused(DesiredMenu menu, DesiredEntry entry, IReadOnlyList<IReadOnlyDictionary<string, string>> rows,
        List<int> candidates, string routerName)
    {
        var ids = string.Join(", ", candidates.Select(i => rows[i].TryGetValue(".id", out var id) ? TerminalText.Safe(id) : "?"));
        return new DesiredStateException(
            $"{routerName} has {candidates.Count} entries with {entry.KeyText} ({ids}) and none of them matches the document's entry, so the key does not say which one to change. " +
            TellApart(menu) + $" Nothing was sent to {routerName}.",
            menu: menu.Path, entryIndex: entry.Index);
    }

    /// <summary>
    /// A secret the router does not print (a user's password): nothing can be compared with it, so it is written when
    /// its entry is added and left alone afterwards, as a second run must send no write.
    /// </summary>
    private static bool IsWriteOnly(MenuDefinition definition, string property) =>
        definition.IsList && Scripting.SecretValues.IsSecret(property);

    // How many settings the row has that the document does not give (whether it is disabled aside).
    private static int Extras(MenuDefinition definition, Dictionary<string, string?> desired, IReadOnlyDictionary<string, string> row)
    {
        var count = 0;
        foreach (var pair in row)
            if (pair.Value.Length > 0 && !desired.ContainsKey(pair.Key) && definition.IsSetting(pair.Key) && pair.Key != "disabled") count++;
        return count;
    }

    // How many of the document's values the row does not have: among rows that share a key, the one with none (or the
    // fewest) is the entry the document describes.
    [MethodImpl(HotPath.Optimize)]
    private static int Differences(MenuDefinition definition, Dictionary<string, string?> desired, IReadOnlyDictionary<string, string> row)
    {
        var count = 0;
        foreach (var pair in desired)
            if (Differs(definition, pair.Key, pair.Value, row)) count++;
        return count;
    }

    // Whether the row must change for the document's value of the property: a null value unsets a property the row has
    // set; any other is compared as RouterOS normalises it. A secret the router does not show is never compared.
    // The ranking of rows that share a key and the set itself ask this one question, so they cannot disagree.
    [MethodImpl(HotPath.Optimize)]
    private static bool Differs(MenuDefinition definition, string property, string? value, IReadOnlyDictionary<string, string> row)
    {
        var has = row.TryGetValue(property, out var actual);
        if (!has && IsWriteOnly(definition, property)) return false;
        return value is null ? has && actual!.Length > 0 : !ValueNormalizer.AreEqual(definition.KindOf(property), value, has ? actual : string.Empty);
    }

    [MethodImpl(HotPath.Optimize)]
    // refuseAs: the router's name when an entry the key cannot single out is refused; null to take the closest (verification).
    private static void PlanList(DesiredMenu menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, List<ConfigurationChange> changes, List<string> notes,
        string? refuseAs)
    {
        var definition = menu.Definition;
        // Router rows by normalised key: how many rows have the key, how many of them may be changed (not protected), and
        // the first of those, which is the one the document manages (-1 when every row of the key is protected).
        var byKey = new Dictionary<EntryKey, (int First, int Count, int Changeable)>(rows.Count);
        var rowKeys = new EntryKey[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var key = MatchKey(menu, rows[i]);
            rowKeys[i] = key;
            var changeable = !IsProtected(rows[i]);
            var first = changeable ? i : -1;
            byKey[key] = byKey.TryGetValue(key, out var seen)
                ? (seen.First >= 0 ? seen.First : first, seen.Count + 1, seen.Changeable + (changeable ? 1 : 0))
                : (first, 1, changeable ? 1 : 0);
        }

        if (rows.Count > 0) NoteMisspelledProperties(menu, rows, notes);
        var matched = new bool[rows.Count];
        // The changeable rows of each key that several have, made once the first document entry needs them.
        Dictionary<EntryKey, List<int>>? shared = null;
        // For the move phase only (a menu whose document keeps order): where each document entry sits, a row index or
        // rows.Count + n for the n-th addition, and what a move of it refers to.
        var positions = menu.Order ? new long[menu.Entries.Count] : null;
        var subjects = menu.Order ? new (string? Id, ConfigurationChange? Added)[menu.Entries.Count] : null;
        var addSequence = 0L;
        var pendingAdds = menu.Order ? new List<(int Entry, ConfigurationChange Change)>() : null;
        foreach (var entry in menu.Entries)
        {
            var known = byKey.TryGetValue(entry.MatchKey, out var rowsOfKey);
            if (known && rowsOfKey.First >= 0)
            {
                var rowIndex = rowsOfKey.Changeable > 1
                    ? ClosestOfShared(menu, entry, rows, rowKeys, byKey, ref shared, refuseAs)
                    : rowsOfKey.First;
                matched[rowIndex] = true;
                var row = rows[rowIndex];
                var id = row.TryGetValue(".id", out var rowId) ? rowId : null;
                var change = SetChange(menu, entry.PropertyTable, row, id, entry.KeyText, findById: rowsOfKey.Count > 1);
                if (change is not null) changes.Add(change);
                // Protected rows of the same key (dynamic, built-in, default) are never touched, so only the others count.
                if (rowsOfKey.Changeable > 1) notes.Add(SharedKeyNote(menu, entry.KeyText, rowsOfKey.Changeable, id));
                if (positions is not null)
                {
                    positions[entry.Index] = rowIndex;
                    subjects![entry.Index] = (id, null);
                }
                continue;
            }
            if (known)
            {
                notes.Add($"{menu.Path}: {entry.KeyText} matches only a dynamic, built-in or default entry, which is never changed; it was left alone.");
                if (positions is not null) positions[entry.Index] = -1;
                continue;
            }
            if (definition.Kind == MenuKind.FixedList)
            {
                notes.Add($"{menu.Path}: the router has no entry {entry.KeyText}, and entries of this menu cannot be added.");
                if (positions is not null) positions[entry.Index] = -1;
                continue;
            }
            var add = AddChange(menu, entry);
            changes.Add(add);
            if (pendingAdds is null) continue;
            pendingAdds.Add((entry.Index, add));
            subjects![entry.Index] = (null, add);
        }
        NoteWriteOnly(menu, rows, matched, notes);
        // Access-giving additions run before the others, so they land first in the list.
        if (pendingAdds is not null)
            foreach (var (entryIndex, add) in pendingAdds.Where(a => a.Change.Phase == ChangePhase.AccessAdd).Concat(pendingAdds.Where(a => a.Change.Phase != ChangePhase.AccessAdd)))
                positions![entryIndex] = rows.Count + addSequence++;

        if (menu.Absent == AbsentEntries.Remove)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (matched[i] || IsProtected(rows[i])) continue;
                var row = rows[i];
                var keyText = KeyText(menu, row);
                var script = CliText.Finish(CliText.AppendFind(CliText.Line(definition.CliPath).Append(" remove "), menu.FindProperties, row, byId: byKey[rowKeys[i]].Count > 1));
                changes.Add(new ConfigurationChange(definition, ChangeAction.Remove, ChangePhase.Remove, row.TryGetValue(".id", out var id) ? id : null,
                    keyText, row, null, Array.Empty<string>(), null, null, script));
            }
        }

        if (positions is not null) PlanMoves(menu, rows, positions, subjects!, changes);
    }

    // Once per menu: the document gives existing entries a secret the router does not show, which is therefore not applied.
    private static void NoteWriteOnly(DesiredMenu menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, bool[] matched, List<string> notes)
    {
        SortedSet<string>? names = null;
        foreach (var entry in menu.Entries)
            foreach (var pair in entry.PropertyTable)
                if (pair.Value is not null && IsWriteOnly(menu.Definition, pair.Key)) (names ??= new SortedSet<string>(StringComparer.OrdinalIgnoreCase)).Add(pair.Key);
        if (names is null) return;
        names.RemoveWhere(name => !rows.Where((row, i) => matched[i]).Any(row => !row.ContainsKey(name)));
        if (names.Count > 0)
            notes.Add($"{menu.Path}: the router does not show {string.Join(", ", names)}, so the document's value is written when an entry is added and not compared on entries that exist. " +
                      "To change it on an existing entry, set it once with Invoke-AltoRouterCommand.");
    }

    // Of the changeable rows sharing the entry's key, the first that matches the entry, else the one that differs least;
    // when none matches and refuseAs names the router, the plan is refused rather than a guess made.
    private static int ClosestOfShared(DesiredMenu menu, DesiredEntry entry, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, EntryKey[] rowKeys,
        Dictionary<EntryKey, (int First, int Count, int Changeable)> byKey, ref Dictionary<EntryKey, List<int>>? shared, string? refuseAs)
    {
        if (shared is null)
        {
            shared = new Dictionary<EntryKey, List<int>>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (IsProtected(rows[i]) || byKey[rowKeys[i]].Changeable < 2) continue;
                if (!shared.TryGetValue(rowKeys[i], out var list)) shared[rowKeys[i]] = list = new List<int>();
                list.Add(i);
            }
        }
        var candidates = shared[entry.MatchKey];
        // Ranked by what differs from the document; then, of rows alike in that, the one with nothing more (a rule added
        // later with one condition more, in-interface=ether1, is not the rule the document was written from); then an
        // enabled one over its disabled twin, as an export keeps it. The first of equals wins.
        var best = candidates[0];
        var bestRank = (Differences: int.MaxValue, Extras: int.MaxValue, Disabled: int.MaxValue);
        foreach (var candidate in candidates)
        {
            var row = rows[candidate];
            var rank = (Differences(menu.Definition, entry.PropertyTable, row), Extras(menu.Definition, entry.PropertyTable, row), IsTrue(row, "disabled") ? 1 : 0);
            if (rank.CompareTo(bestRank) >= 0) continue;
            best = candidate;
            bestRank = rank;
        }
        if (bestRank.Differences > 0 && refuseAs is not null) throw SharedKeyRefused(menu, entry, rows, candidates, refuseAs);
        return best;
    }

    [MethodImpl(HotPath.Optimize)]
    private static ConfigurationChange AddChange(DesiredMenu menu, DesiredEntry entry)
    {
        var pairs = Scratch(ref _scratchPairs);
        // An empty key value adds nothing: it is how a document says an entry has no such property (an exported key
        // property the entry lacks), and RouterOS refuses an empty value for many of them. Any other value is written
        // as given, an empty one too.
        foreach (var pair in entry.PropertyTable)
            if (pair.Value is not null && (pair.Value.Length > 0 || !IsKeyProperty(menu, pair.Key))) pairs.Add(new KeyValuePair<string, string>(pair.Key, pair.Value));
        var writes = new PropertyPairs(pairs.ToArray());
        var givesAccess = KeepsAccess(menu.Definition, writes);
        // A firewall rule's place in its chain is what it does, and an addition goes to the end: every rule is added in
        // the first phase, with the accept rules, so that the document's drop rule is not added after the accept rule
        // that follows it in the document.
        var phase = givesAccess || menu.Definition.OrderGroup is not null ? ChangePhase.AccessAdd : ChangePhase.Add;
        var script = CliText.Finish(writes.AppendAssignmentsTo(CliText.Line(menu.Definition.CliPath).Append(" add")));
        return new ConfigurationChange(menu.Definition, ChangeAction.Add, phase, null, entry.KeyText, null, writes, writes.Names(), writes, null, script)
        {
            GivesAccess = givesAccess,
        };
    }

    private static bool IsKeyProperty(DesiredMenu menu, string property)
    {
        foreach (var key in menu.Key)
            if (key.Equals(property, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // Lists a change is gathered in before it is kept as exact arrays; one of each per thread, as planning never nests.
    [ThreadStatic] private static List<KeyValuePair<string, string>>? _scratchPairs;
    [ThreadStatic] private static List<string>? _scratchNames;

    private static List<T> Scratch<T>(ref List<T>? list)
    {
        list ??= new List<T>();
        list.Clear();
        return list;
    }

    private static bool KeepsAccess(MenuDefinition menu, IReadOnlyDictionary<string, string> values)
    {
        if (menu.AddsKeepAccess) return !(values.TryGetValue("disabled", out var disabled) && ValueNormalizer.Boolean(disabled) == "true");
        if (menu.Path is "/ip/firewall/filter" or "/ip/firewall/raw")
            return values.TryGetValue("action", out var action) && action.Trim().Equals("accept", StringComparison.OrdinalIgnoreCase)
                && !(values.TryGetValue("disabled", out var off) && ValueNormalizer.Boolean(off) == "true");
        return false;
    }

    // findById: the entry's key does not single it out, so its script line finds it by .id.
    [MethodImpl(HotPath.Optimize)]
    private static ConfigurationChange? SetChange(DesiredMenu menu, Dictionary<string, string?> desired, IReadOnlyDictionary<string, string> row,
        string? id, string key, bool findById)
    {
        var definition = menu.Definition;
        var changed = Scratch(ref _scratchNames);
        var written = Scratch(ref _scratchPairs);
        List<string>? unsets = null;
        foreach (var pair in desired)
        {
            if (!Differs(definition, pair.Key, pair.Value, row)) continue;
            if (pair.Value is null) (unsets ??= new List<string>()).Add(pair.Key);
            else written.Add(new KeyValuePair<string, string>(pair.Key, pair.Value));
            changed.Add(pair.Key);
        }
        if (changed.Count == 0) return null;

        var writes = written.Count == 0 ? null : new PropertyPairs(written.ToArray());
        var after = new RowAfterSet(row, writes, unsets);
        var script = CliText.Line(string.Empty);
        if (!definition.IsList)
        {
            // A single-value menu clears a setting with an empty value.
            var values = ((IEnumerable<KeyValuePair<string, string>>?)writes ?? Array.Empty<KeyValuePair<string, string>>())
                .Concat((unsets ?? new List<string>()).Select(n => new KeyValuePair<string, string>(n, string.Empty)));
            script.Append(definition.CliPath).Append(" set");
            CliText.AppendAssignments(script, values);
        }
        else
        {
            // Only now, for an entry that changes: most entries of a verify read, and of a second run, do not.
            if (writes is not null)
                writes.AppendAssignmentsTo(CliText.AppendFind(script.Append(definition.CliPath).Append(" set "), menu.FindProperties, row, findById));
            if (unsets is not null)
                foreach (var name in unsets)
                {
                    if (script.Length > 0) script.Append('\n');
                    CliText.AppendFind(script.Append(definition.CliPath).Append(" unset "), menu.FindProperties, row, findById).Append(' ').Append(name);
                }
        }
        return new ConfigurationChange(definition, ChangeAction.Set, ChangePhase.Set, id, key, row, after, changed.ToArray(), writes, unsets, CliText.Finish(script));
    }

    // Moves the entries that are out of document order, and only those: the longest run already in order (a longest
    // increasing subsequence of positions) stays; every other entry, taken from the last, goes before its successor
    // in the document, which is then already in its final place. The last entry, when it moves, goes to the end.
    private static void PlanMoves(DesiredMenu menu, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, long[] positions,
        (string? Id, ConfigurationChange? Added)[] subjects, List<ConfigurationChange> changes)
    {
        var definition = menu.Definition;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        foreach (var entry in menu.Entries)
        {
            if (positions[entry.Index] < 0) continue;
            var group = GroupOf(menu, entry);
            if (!groups.TryGetValue(group, out var members))
            {
                groups[group] = members = new List<int>();
                groupOrder.Add(group);
            }
            members.Add(entry.Index);
        }
        foreach (var group in groupOrder)
        {
            var members = groups[group];
            var keep = LongestIncreasing(members.Select(i => positions[i]).ToList());
            for (var m = members.Count - 1; m >= 0; m--)
            {
                if (keep[m]) continue;
                var entry = menu.Entries[members[m]];
                var subject = subjects[entry.Index];
                var next = m + 1 < members.Count ? menu.Entries[members[m + 1]] : null;
                var destination = next is null ? default : subjects[next.Index];
                var line = CliText.AppendFindByValues(CliText.Line(definition.CliPath).Append(" move "), menu.FindPropertiesOf(entry), entry.Properties);
                if (next is not null) CliText.AppendFindByValues(line.Append(" destination="), menu.FindPropertiesOf(next), next.Properties);
                var script = CliText.Finish(line);
                var row = subject.Id is null ? null : rows[(int)positions[entry.Index]];
                var move = new ConfigurationChange(definition, ChangeAction.Move, ChangePhase.Move, subject.Id, entry.KeyText, row, row,
                    Array.Empty<string>(), null, null, script)
                {
                    Subject = subject.Added,
                    DestinationId = destination.Id,
                    DestinationChange = destination.Added,
                    DestinationKey = next?.KeyText,
                };
                changes.Add(move);
            }
        }
    }

    private static string GroupOf(DesiredMenu menu, DesiredEntry entry)
    {
        var property = menu.Definition.OrderGroup;
        if (property is null) return string.Empty;
        return entry.Properties.TryGetValue(property, out var value) && value is not null ? ValueNormalizer.Normalize(menu.Definition.KindOf(property), value) : string.Empty;
    }

    /// <summary>Marks the members of one longest strictly increasing subsequence (patience sorting, O(n log n)).</summary>
    internal static bool[] LongestIncreasing(IReadOnlyList<long> values)
    {
        var n = values.Count;
        var tails = new List<int>();
        var previous = new int[n];
        for (var i = 0; i < n; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[i]) lo = mid + 1; else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var keep = new bool[n];
        for (var i = tails.Count > 0 ? tails[tails.Count - 1] : -1; i >= 0; i = previous[i]) keep[i] = true;
        return keep;
    }

    [MethodImpl(HotPath.Optimize)]
    private static EntryKey MatchKey(DesiredMenu menu, IReadOnlyDictionary<string, string> row)
    {
        var key = menu.Key;
        if (key.Count == 1) return EntryKey.Of(KeyValue(menu, row, key[0]));
        if (key.Count == 2) return EntryKey.Of(KeyValue(menu, row, key[0]), KeyValue(menu, row, key[1]));
        var values = new string[key.Count];
        for (var i = 0; i < values.Length; i++) values[i] = KeyValue(menu, row, key[i]);
        return EntryKey.Of(values);
    }

    [MethodImpl(HotPath.Optimize)]
    private static string KeyValue(DesiredMenu menu, IReadOnlyDictionary<string, string> row, string property) =>
        ValueNormalizer.Normalize(menu.Definition.KindOf(property), row.TryGetValue(property, out var value) ? value : string.Empty);

    // From the router's values, which reach confirmation targets, tables and notes: control characters escaped.
    private static string KeyText(DesiredMenu menu, IReadOnlyDictionary<string, string> row) =>
        TerminalText.Safe(string.Join(",", menu.Key.Where(p => row.TryGetValue(p, out var v) && v.Length > 0).Select(p => p + "=" + row[p])));
}
