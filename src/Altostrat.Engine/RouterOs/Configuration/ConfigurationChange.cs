using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// One change the planner found: what it does to which entry, the entry before and after, and the same change as a
/// RouterOS CLI line, which is what a person confirms and what the risk gate (ScriptAnalyzer) rates.
/// </summary>
public sealed class ConfigurationChange
{
    private static readonly PropertyPairs NoValues = new(Array.Empty<KeyValuePair<string, string>>());

    [MethodImpl(HotPath.Optimize)]
    internal ConfigurationChange(MenuDefinition menu, ChangeAction action, ChangePhase phase, string? id, string key,
        IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after, IReadOnlyList<string> changedProperties,
        PropertyPairs? writes, IReadOnlyList<string>? unsets, string script)
    {
        Menu = menu;
        Action = action;
        Phase = phase;
        Id = id;
        Key = key;
        Before = before;
        After = after;
        ChangedProperties = changedProperties;
        Writes = writes ?? NoValues;
        Unsets = unsets ?? Array.Empty<string>();
        Script = script;
    }

    public MenuDefinition Menu { get; }

    public string Path => Menu.Path;

    public ChangeAction Action { get; }

    /// <summary>When it runs: see <see cref="ChangePhase"/> and <see cref="ConfigurationPlanner"/>.</summary>
    public ChangePhase Phase { get; }

    /// <summary>The entry's <c>.id</c>; null for an addition, for a single-value menu, and for a move of an entry this plan adds.</summary>
    public string? Id { get; }

    /// <summary>The entry's key as a person reads it (<c>list=block,address=192.0.2.1</c>); empty for a single-value menu.</summary>
    public string Key { get; }

    /// <summary>The entry as the router has it; null for an addition.</summary>
    public IReadOnlyDictionary<string, string>? Before { get; }

    /// <summary>The entry as it will be; null for a removal.</summary>
    public IReadOnlyDictionary<string, string>? After { get; }

    /// <summary>The properties that differ (set or unset); empty for a removal and a move.</summary>
    public IReadOnlyList<string> ChangedProperties { get; }

    /// <summary>The RouterOS CLI spelling of the change, one command per line.</summary>
    public string Script { get; internal set; }

    /// <summary>The risk gate's rating of <see cref="Script"/>, once its plan has been rated (<see cref="ConfigurationPlan.Rate"/>); null before.</summary>
    public ScriptRating? Rating { get; internal set; }

    /// <summary>For a move: the key of the entry it is placed before; null when it goes to the end of the list.</summary>
    public string? DestinationKey { get; internal set; }

    /// <summary>The values the API command writes (for an addition, every value; for a set, the changed ones).</summary>
    internal PropertyPairs Writes { get; }

    /// <summary>Properties to unset on an entry (<c>/unset =value-name=</c>).</summary>
    internal IReadOnlyList<string> Unsets { get; }

    /// <summary>An addition that keeps or gives access (an address, a route, a user, an accept rule): when it fails, removals are skipped.</summary>
    internal bool GivesAccess { get; set; }

    /// <summary>For a move of an entry this plan adds: that addition, whose id the executor learns when it runs.</summary>
    internal ConfigurationChange? Subject { get; set; }

    internal string? DestinationId { get; set; }

    internal ConfigurationChange? DestinationChange { get; set; }

    /// <summary>
    /// Adds the API commands to <paramref name="commands"/> and says how many, given the ids additions returned
    /// (<paramref name="idOf"/> answers null for an addition that did not run). A change that cannot be sent throws
    /// before it adds anything. Into the caller's list: a phase has thousands of changes, most with one command.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    internal int AddCommandsTo(List<RouterCommand> commands, Func<ConfigurationChange, string?> idOf)
    {
        var before = commands.Count;
        switch (Action)
        {
            case ChangeAction.Add:
                commands.Add(WithWrites(new RouterCommand(Menu.AddCommand)));
                break;
            case ChangeAction.Remove:
                commands.Add(new RouterCommand(Menu.RemoveCommand).With(".id", Id));
                break;
            case ChangeAction.Set when !Menu.IsList:
                // A single-value menu clears a setting with an empty value (servers=, comment=): there is no entry to unset on.
                var single = WithWrites(new RouterCommand(Menu.SetCommand));
                for (var i = 0; i < Unsets.Count; i++) single.With(Unsets[i], string.Empty);
                commands.Add(single);
                break;
            case ChangeAction.Set:
                if (Writes.Count > 0) commands.Add(WithWrites(new RouterCommand(Menu.SetCommand).With(".id", Id)));
                for (var i = 0; i < Unsets.Count; i++) commands.Add(new RouterCommand(Menu.UnsetCommand).With(".id", Id).With("value-name", Unsets[i]));
                break;
            case ChangeAction.Move:
                var subject = Subject is null ? Id : idOf(Subject);
                if (subject is null) throw new InvalidOperationException($"the entry {Key} was to be added by this plan, and that addition did not run, so it cannot be moved.");
                var move = new RouterCommand(Menu.MoveCommand).With("numbers", subject);
                var destination = DestinationChange is null ? DestinationId : idOf(DestinationChange);
                if (DestinationChange is not null && destination is null)
                    throw new InvalidOperationException($"the entry {DestinationKey} it is to be placed before was to be added by this plan, and that addition did not run.");
                if (destination is not null) move.With("destination", destination);
                commands.Add(move);
                break;
        }
        return commands.Count - before;
    }

    [MethodImpl(HotPath.Optimize)]
    private RouterCommand WithWrites(RouterCommand command)
    {
        for (var i = 0; i < Writes.Count; i++) command.With(Writes.NameAt(i), Writes.ValueAt(i));
        return command;
    }

    public override string ToString() => Script;
}
