using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Tests.Support;

/// <summary>
/// A small RouterOS API server on loopback with menus of rows, for the desired-state engine's tests and benchmarks
/// (the benchmarks link this file). It applies each command the moment it arrives, in arrival order, and answers it
/// after <see cref="Latency"/>, with all answers delayed concurrently, as a router working on pipelined commands
/// does. It counts how many commands were waiting for an answer at once, which is how a test proves pipelining
/// without timing anything. Print, add, set, unset, remove, move, and safe mode (take, release, unroll, and
/// rollback when the session that took it ends) are understood; anything else traps.
/// </summary>
public sealed class MenuRouterServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private readonly object _state = new();
    private readonly Dictionary<string, List<Dictionary<string, string>>> _menus = new(StringComparer.Ordinal);
    private readonly HashSet<string> _singleValue = new(StringComparer.Ordinal);
    private readonly List<Task> _sessions = new();
    private readonly Dictionary<List<Dictionary<string, string>>, Dictionary<string, Dictionary<string, string>>> _index = new();
    private int _nextId = 0x100;
    private int _inFlight;
    private int _maxInFlight;
    private int _commands;
    private int _writes;
    private object? _safeModeOwner;
    private Dictionary<string, List<Dictionary<string, string>>>? _safeModeSnapshot;

    public MenuRouterServer(TimeSpan latency = default)
    {
        Latency = latency;
        _listener.Start(1024);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public TimeSpan Latency { get; }

    private long LatencyTicks => (long)(Latency.TotalSeconds * Stopwatch.Frequency);

    /// <summary>False makes <c>/safe-mode/take</c> trap as RouterOS before 7.18 does.</summary>
    public bool SupportsSafeMode { get; set; } = true;

    /// <summary>A message to trap a command with (the command is then not applied); null lets it run.</summary>
    public Func<RouterSentence, string?>? TrapWhen { get; set; }

    /// <summary>A task the answer to a command waits for (after applying it); null answers as usual.</summary>
    public Func<RouterSentence, Task?>? HoldAnswerWhen { get; set; }

    /// <summary>True closes the connection on receiving the command, before applying it: a change that cut the client off.</summary>
    public Func<RouterSentence, bool>? DropConnectionWhen { get; set; }

    /// <summary>
    /// Counters reset, then holds every answer until this many commands have arrived (login excepted): a client that waits for each answer
    /// before sending the next never gets there, and is released after a guard of ten seconds so that a test fails
    /// on its count instead of hanging.
    /// </summary>
    public void HoldRepliesUntil(int commands)
    {
        ResetCounters();
        _enoughCommands = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _holdUntil, commands);
    }

    private int _holdUntil;

    private TaskCompletionSource<bool> _enoughCommands = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource<bool> _rolledBackOnDisconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a session that held safe mode ended without a release and its changes were rolled back.</summary>
    public Task RolledBackOnDisconnect => _rolledBackOnDisconnect.Task;

    /// <summary>The most commands that had arrived and were not yet answered at one moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Every command received, login excepted.</summary>
    public int Commands => Volatile.Read(ref _commands);

    /// <summary>Commands that change something (add, set, unset, remove, move).</summary>
    public int Writes => Volatile.Read(ref _writes);

    public void ResetCounters()
    {
        Volatile.Write(ref _maxInFlight, 0);
        Volatile.Write(ref _commands, 0);
        Volatile.Write(ref _writes, 0);
    }

    public bool SafeModeHeld { get { lock (_state) return _safeModeOwner is not null; } }

    /// <summary>Makes a single-value menu with these settings.</summary>
    public void SetSingle(string path, IReadOnlyDictionary<string, string> values)
    {
        lock (_state)
        {
            _singleValue.Add(path);
            _menus[path] = new List<Dictionary<string, string>> { new(values.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase) };
        }
    }

    /// <summary>Adds rows to a list menu (creating it), each given an id; returns the ids.</summary>
    public IReadOnlyList<string> AddRows(string path, IEnumerable<IReadOnlyDictionary<string, string>> rows)
    {
        var ids = new List<string>();
        lock (_state)
        {
            var menu = Menu(path);
            foreach (var row in rows)
            {
                var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [".id"] = NewId() };
                foreach (var pair in row) copy[pair.Key] = pair.Value;
                menu.Add(copy);
                ids.Add(copy[".id"]);
            }
        }
        return ids;
    }

    /// <summary>A copy of a menu's rows, in order.</summary>
    public List<Dictionary<string, string>> Rows(string path)
    {
        lock (_state) return Menu(path).Select(r => new Dictionary<string, string>(r, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private List<Dictionary<string, string>> Menu(string path)
    {
        if (!_menus.TryGetValue(path, out var menu)) _menus[path] = menu = new List<Dictionary<string, string>>();
        return menu;
    }

    private string NewId() => "*" + (_nextId++).ToString("X", CultureInfo.InvariantCulture);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch (Exception) { return; }
            lock (_sessions) _sessions.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var session = new object();
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        using var reader = new SentenceReader(stream);
        // Each answer is encoded when its command is applied (so a print shows the rows as they were then), into
        // bytes that wait out the latency. Answers that come due together leave in one write, as a router's do:
        // whoever finds no write in progress sends everything queued, and keeps sending until the queue is empty.
        using var encoder = new SentenceWriter();
        var outgoing = new MemoryStream();
        var spare = new MemoryStream();
        var flushing = false;
        var gate = new object();
        var replies = new List<Task>();
        var due = new Queue<(long At, byte[] Answer)>();
        async Task SendAsync(IEnumerable<byte[]> answers)
        {
            lock (gate)
            {
                foreach (var answer in answers) outgoing.Write(answer, 0, answer.Length);
                if (flushing) return;
                flushing = true;
            }
            while (true)
            {
                MemoryStream batch;
                lock (gate)
                {
                    if (outgoing.Length == 0) { flushing = false; return; }
                    batch = outgoing;
                    outgoing = spare;
                    spare = batch;
                }
                try { await stream.WriteAsync(batch.GetBuffer(), 0, (int)batch.Length); }
                catch (Exception) { /* the client went away */ }
                batch.SetLength(0);
            }
        }
        try
        {
            var login = await reader.ReadSentenceAsync(_stop.Token);
            if (login is null) return;
            await SendAsync(new[] { Encode(encoder, new List<string[]> { new[] { "!done" } }, null) });
            while (await reader.ReadSentenceAsync(_stop.Token) is { } command)
            {
                // Counted in flight before the held answers are released: releasing them first let the first answer
                // leave before the last command was counted, and MaxInFlight came out one short now and then.
                var inFlight = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _maxInFlight, inFlight);
                var hold = Volatile.Read(ref _holdUntil);
                if (Interlocked.Increment(ref _commands) >= hold && hold > 0) _enoughCommands.TrySetResult(true);
                if (DropConnectionWhen?.Invoke(command) == true) { Interlocked.Decrement(ref _inFlight); break; }
                var answer = Answer(command, session, encoder);
                var held = HoldAnswerWhen?.Invoke(command);
                if (held is null && Volatile.Read(ref _holdUntil) == 0 && Latency > TimeSpan.Zero) Delay(answer);
                else replies.Add(AnswerAsync(answer, held));
            }
        }
        catch (Exception) { /* connection reset */ }
        finally
        {
            lock (_state)
            {
                // The session that held safe mode is gone: roll back as RouterOS does.
                if (_safeModeOwner == session)
                {
                    RestoreSnapshot();
                    _safeModeOwner = null;
                    _rolledBackOnDisconnect.TrySetResult(true);
                }
            }
        }

        // Answers wait out the latency in arrival order, so one wake-up serves a whole burst of pipelined commands
        // (a timer per command made the simulated routers, not the client, what a benchmark measured), and the
        // answers due together leave in one write.
        void Delay(byte[] answer)
        {
            lock (due)
            {
                var at = Stopwatch.GetTimestamp() + LatencyTicks;
                due.Enqueue((at, answer));
                // Whenever answers wait, one wake-up is booked for the first of them.
                if (due.Count == 1) LatencyLine.Shared.At(at, ReleaseDue);
            }
        }

        void ReleaseDue()
        {
            var ready = new List<byte[]>();
            lock (due)
            {
                var now = Stopwatch.GetTimestamp() + LatencyLine.Tolerance;
                while (due.Count > 0 && due.Peek().At <= now)
                {
                    ready.Add(due.Dequeue().Answer);
                    Interlocked.Decrement(ref _inFlight);
                }
                if (due.Count > 0) LatencyLine.Shared.At(due.Peek().At, ReleaseDue);
            }
            if (ready.Count > 0) SendAsync(ready).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        async Task AnswerAsync(byte[] answer, Task? hold)
        {
            if (hold is not null) await hold;
            if (Volatile.Read(ref _holdUntil) > 0)
            {
                // After the guard expires once, nothing is held any more: a sequential client fails its count, quickly.
                var enough = _enoughCommands;
                if (await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(10))) != enough.Task) enough.TrySetResult(false);
            }
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
            Interlocked.Decrement(ref _inFlight);
            await SendAsync(new[] { answer });
        }
    }

    // The command's tag is written after each sentence of its answer, as the router writes it.
    private byte[] Answer(RouterSentence command, object session, SentenceWriter encoder)
    {
        var sentences = Apply(command, session, encoder);
        return Encode(encoder, sentences, command.Tag);
    }

    private static byte[] Encode(SentenceWriter encoder, List<string[]>? sentences, string? tag)
    {
        if (sentences is not null)
            foreach (var sentence in sentences)
            {
                foreach (var word in sentence) encoder.Word(word);
                if (tag is not null) encoder.Tag(tag);
                encoder.End();
            }
        var bytes = encoder.WrittenSpan.ToArray();
        encoder.Clear();
        return bytes;
    }

    // Straight into the encoder, without a string per property: benchmarks print hundreds of thousands of rows, and
    // the simulated routers share the machine's cores with the client being measured.
    private static void Print(SentenceWriter encoder, List<Dictionary<string, string>> rows, bool withIds, string? tag)
    {
        foreach (var row in rows)
        {
            encoder.Word("!re");
            foreach (var pair in row)
                if (withIds || pair.Key != ".id") encoder.Attribute(pair.Key, pair.Value);
            if (tag is not null) encoder.Tag(tag);
            encoder.End();
        }
        encoder.Word("!done");
        if (tag is not null) encoder.Tag(tag);
        encoder.End();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    private void RestoreSnapshot()
    {
        if (_safeModeSnapshot is null) return;
        _menus.Clear();
        _index.Clear();
        foreach (var pair in _safeModeSnapshot) _menus[pair.Key] = pair.Value;
        _safeModeSnapshot = null;
    }

    private static Dictionary<string, List<Dictionary<string, string>>> Copy(Dictionary<string, List<Dictionary<string, string>>> menus) =>
        menus.ToDictionary(p => p.Key, p => p.Value.Select(r => new Dictionary<string, string>(r, StringComparer.OrdinalIgnoreCase)).ToList(), StringComparer.Ordinal);

    private static string[] Trap(string message, int category = 0) => new[] { "!trap", "=category=" + category.ToString(CultureInfo.InvariantCulture), "=message=" + message };

    // The answer's sentences; a print writes its answer into the encoder itself and returns null.
    private List<string[]>? Apply(RouterSentence command, object session, SentenceWriter encoder)
    {
        var done = new[] { "!done" };
        var path = command.Command;
        var slash = path.LastIndexOf('/');
        var menuPath = path.Substring(0, slash);
        var verb = path.Substring(slash + 1);
        if (TrapWhen?.Invoke(command) is { } refusal) return new List<string[]> { Trap(refusal, 1), done };
        lock (_state)
        {
            if (menuPath == "/safe-mode")
            {
                if (!SupportsSafeMode) return new List<string[]> { Trap("no such command or directory (safe-mode)"), done };
                switch (verb)
                {
                    case "take":
                        if (_safeModeOwner is not null && _safeModeOwner != session) return new List<string[]> { Trap("safe mode already taken by another session", 4), done };
                        _safeModeOwner = session;
                        _safeModeSnapshot = Copy(_menus);
                        return new List<string[]> { done };
                    case "release":
                        _safeModeOwner = null;
                        _safeModeSnapshot = null;
                        return new List<string[]> { done };
                    case "unroll":
                        if (_safeModeOwner == session) RestoreSnapshot();
                        _safeModeOwner = null;
                        return new List<string[]> { done };
                }
            }
            if (path == "/cancel") return new List<string[]> { done };
            if (!_menus.TryGetValue(menuPath, out var rows)) return new List<string[]> { Trap($"no such command or directory ({menuPath})"), done };
            string? Arg(string name) => command[name];
            // Rows are indexed by id: benchmarks set thousands of rows, and a scan per set would make the
            // server, not the client, what they measure.
            Dictionary<string, string>? Find(string? id)
            {
                if (id is null) return null;
                if (!_index.TryGetValue(rows, out var byId) || byId.Count != rows.Count)
                    _index[rows] = byId = rows.ToDictionary(r => r[".id"], StringComparer.Ordinal);
                return byId.TryGetValue(id, out var row) ? row : null;
            }
            if (verb != "print") Interlocked.Increment(ref _writes);
            switch (verb)
            {
                case "print":
                    Print(encoder, rows, withIds: !_singleValue.Contains(menuPath), command.Tag);
                    return null;
                case "add":
                    if (_singleValue.Contains(menuPath)) break;
                    var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [".id"] = NewId() };
                    foreach (var attribute in command.Attributes) row[attribute.Key] = attribute.Value;
                    rows.Add(row);
                    if (_index.TryGetValue(rows, out var index)) index[row[".id"]] = row;
                    return new List<string[]> { new[] { "!done", "=ret=" + row[".id"] } };
                case "set":
                    var target = _singleValue.Contains(menuPath) ? rows[0] : Find(Arg(".id"));
                    if (target is null) return new List<string[]> { Trap("no such item"), done };
                    foreach (var attribute in command.Attributes.Where(a => a.Key != ".id"))
                    {
                        if (attribute.Value.Length == 0) target.Remove(attribute.Key); else target[attribute.Key] = attribute.Value;
                    }
                    return new List<string[]> { done };
                case "unset":
                    var unset = Find(Arg(".id"));
                    if (unset is null) return new List<string[]> { Trap("no such item"), done };
                    unset.Remove(Arg("value-name") ?? "");
                    return new List<string[]> { done };
                case "remove":
                    // By .id, or by numbers: ids or, as RouterOS takes them too, names.
                    var references = (Arg(".id") ?? Arg("numbers") ?? "").Split(',');
                    Dictionary<string, string>? Named(string reference) =>
                        Find(reference) ?? rows.FirstOrDefault(r => r.TryGetValue("name", out var name) && name == reference);
                    if (references.Any(reference => Named(reference) is null)) return new List<string[]> { Trap("no such item"), done };
                    foreach (var gone in references.Select(Named).ToList()) { rows.Remove(gone!); _index[rows].Remove(gone![".id"]); }
                    return new List<string[]> { done };
                case "run":
                    // /system/script/run: the script itself is not interpreted here.
                    return Find(Arg(".id")) is null ? new List<string[]> { Trap("no such item"), done } : new List<string[]> { done };
                case "move":
                    var moving = Find(Arg("numbers"));
                    if (moving is null) return new List<string[]> { Trap("no such item"), done };
                    var destination = Arg("destination");
                    rows.Remove(moving);
                    if (destination is null) rows.Add(moving);
                    else
                    {
                        var before = Find(destination);
                        if (before is null) { rows.Add(moving); return new List<string[]> { Trap("no such item (destination)"), done }; }
                        rows.Insert(rows.IndexOf(before), moving);
                    }
                    return new List<string[]> { done };
            }
            return new List<string[]> { Trap($"no such command ({path})"), done };
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accept; } catch { /* stopping */ }
        Task[] sessions;
        lock (_sessions) sessions = _sessions.ToArray();
        try { await Task.WhenAll(sessions); } catch { /* sessions end with their connections */ }
    }
}
