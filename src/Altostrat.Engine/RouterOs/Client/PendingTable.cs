using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// The commands of one connection that wait for replies, by tag. A lock around a plain table rather than a concurrent
/// one: only the sender and the read loop touch it, rarely at the same moment, and a concurrent table keeps a node
/// object for every entry, which for a fleet run's thousands of commands in flight is work for the collector.
/// </summary>
internal sealed class PendingTable
{
    private readonly Dictionary<string, PendingCommand> _byTag = new(System.StringComparer.Ordinal);

    public int Count
    {
        get { lock (_byTag) return _byTag.Count; }
    }

    public void Add(PendingCommand command)
    {
        lock (_byTag) _byTag[command.Tag] = command;
    }

    /// <summary>Finds the command and, when <paramref name="remove"/>, drops it from the table in the same step.</summary>
    public bool TryGet(string tag, bool remove, out PendingCommand command)
    {
        lock (_byTag)
        {
            if (!_byTag.TryGetValue(tag, out command!)) return false;
            if (remove) _byTag.Remove(tag);
            return true;
        }
    }

    public void Remove(string tag)
    {
        lock (_byTag) _byTag.Remove(tag);
    }

    /// <summary>The first command that is waiting for a reply and watches for silence, or null.</summary>
    public PendingCommand? FirstWatchingSilence()
    {
        lock (_byTag)
            foreach (var command in _byTag.Values)
                if (command.WatchSilence) return command;
        return null;
    }

    /// <summary>Empties the table, and returns what it held.</summary>
    public List<PendingCommand> TakeAll()
    {
        lock (_byTag)
        {
            var all = new List<PendingCommand>(_byTag.Values);
            _byTag.Clear();
            return all;
        }
    }
}
