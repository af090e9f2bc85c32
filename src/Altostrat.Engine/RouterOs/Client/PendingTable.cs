using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// The commands of one connection that wait for replies, by their numeric tag. A lock around a plain table rather
/// than a concurrent one: only the sender and the read loop touch it, rarely at the same moment, and a concurrent
/// table keeps a node object for every entry, which for a fleet run's thousands of commands in flight is work for
/// the collector.
/// </summary>
internal sealed class PendingTable
{
    private readonly object _gate = new();
    private Dictionary<int, PendingCommand> _byTag = new();
    private int _reserved;

    public int Count
    {
        get { lock (_gate) return _byTag.Count; }
    }

    /// <summary>Makes room for a batch of <paramref name="count"/> commands at once, rather than growing step by step.</summary>
    public void Expect(int count)
    {
        lock (_gate)
        {
            if (_byTag.Count > 0 || count <= _reserved) return;
            _byTag = new Dictionary<int, PendingCommand>(count);
            _reserved = count;
        }
    }

    public void Add(PendingCommand command)
    {
        lock (_gate) _byTag[command.Tag] = command;
    }

    /// <summary>Finds the command and, when <paramref name="remove"/>, drops it from the table in the same step.</summary>
    public bool TryGet(int tag, bool remove, out PendingCommand command)
    {
        lock (_gate)
        {
            if (!_byTag.TryGetValue(tag, out command!)) return false;
            if (remove) _byTag.Remove(tag);
            return true;
        }
    }

    public void Remove(int tag)
    {
        lock (_gate) _byTag.Remove(tag);
    }

    /// <summary>The first command that is waiting for a reply and watches for silence, or null.</summary>
    public PendingCommand? FirstWatchingSilence()
    {
        lock (_gate)
            foreach (var command in _byTag.Values)
                if (command.WatchSilence) return command;
        return null;
    }

    /// <summary>Empties the table, and returns what it held.</summary>
    public List<PendingCommand> TakeAll()
    {
        lock (_gate)
        {
            var all = new List<PendingCommand>(_byTag.Values);
            _byTag.Clear();
            return all;
        }
    }
}
