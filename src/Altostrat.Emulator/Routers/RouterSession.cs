using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Emulator.Routers;

/// <summary>
/// One API connection to a simulated router: login first, then every command in its own task. The simulated latency
/// of commands sent back to back runs concurrently (ten tagged commands of 50 ms take about 50 ms, not 500), but
/// their effects apply and their replies come in the order they were sent, as a router works through one
/// connection's commands: a pipelined <c>remove</c> then <c>add</c> never applies the other way round. Listen commands
/// and script runs take their turn when they start and then run alongside later commands, until <c>/cancel</c> or
/// their end. When the session ends, commands not yet applied are dropped, those applying finish, and then a
/// safe mode this session held without a release is rolled back.
/// </summary>
internal sealed class RouterSession
{
    private readonly SimulatedRouter _router;
    private readonly TcpClient _client;
    private readonly CancellationTokenSource _lifetime;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SentenceWriter _writer = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    // The turn of the last command dispatched: the next one applies after it. Only the read loop touches it.
    private Task _previousTurn = Task.CompletedTask;
    private Stream _stream = Stream.Null;
    private string? _challenge;
    private bool _loggedIn;

    public RouterSession(SimulatedRouter router, TcpClient client, CancellationToken routerStopping)
    {
        _router = router;
        _client = client;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(routerStopping);
    }

    private SimulatedRouterOptions Options => _router.Options;

    public int CommandsInFlight => _inFlight.Count;

    public async Task RunAsync()
    {
        var token = _lifetime.Token;
        try
        {
            _stream = _client.GetStream();
            if (Options.Certificate is { } certificate)
            {
                var ssl = new SslStream(_stream, false);
                _stream = ssl;
                await ssl.AuthenticateAsServerAsync(certificate, false, false).ConfigureAwait(false);
            }
            using var reader = new SentenceReader(_stream);
            while (await reader.ReadSentenceAsync(token).ConfigureAwait(false) is { } sentence)
            {
                if (!_loggedIn)
                {
                    if (!await LoginAsync(sentence, token).ConfigureAwait(false)) break;
                    continue;
                }
                if (!await DispatchAsync(sentence, token).ConfigureAwait(false)) break;
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or RouterProtocolException
                                       or System.Security.Authentication.AuthenticationException or SocketException)
        {
            // The client went away or spoke nonsense: end the session as a router would.
        }
        finally
        {
            Close();
            // Let commands already applying finish (the others see the cancelled session and drop), so that a
            // rollback undoes them too rather than racing them.
            try { await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false); } catch (Exception) { }
            _router.SafeMode.SessionEnded(this);
        }
    }

    public void Close()
    {
        try { _lifetime.Cancel(); } catch (ObjectDisposedException) { }
        _stream.Dispose();
        _client.Dispose();
    }

    private async Task<bool> LoginAsync(RouterSentence sentence, CancellationToken token)
    {
        if (sentence.Command != "/login")
        {
            await WriteAsync(w => w.Word("!fatal").Word("not logged in").End(), token).ConfigureAwait(false);
            return false;
        }
        var name = sentence["name"];
        var response = sentence["response"];
        bool accepted;
        if (Options.LoginStyle == RouterLoginStyle.Challenge && response is null)
        {
            var challenge = new byte[16];
            RandomNumberGenerator.Fill(challenge);
            _challenge = Convert.ToHexString(challenge).ToLowerInvariant();
            await WriteAsync(w => Tagged(w.Word("!done").Attribute("ret", _challenge), sentence.Tag).End(), token).ConfigureAwait(false);
            return true;
        }
        if (response is not null)
            accepted = _challenge is not null && name == Options.UserName && response == RouterLogin.ChallengeResponse(Options.Password, _challenge);
        else
            accepted = name == Options.UserName && sentence["password"] == Options.Password;

        if (!accepted)
        {
            await WriteAsync(w =>
            {
                Tagged(w.Word("!trap").Attribute("message", "invalid user name or password (6)"), sentence.Tag).End();
                Tagged(w.Word("!done"), sentence.Tag).End();
            }, token).ConfigureAwait(false);
            return true; // a router lets the client try again on the same connection
        }
        _loggedIn = true;
        await WriteAsync(w => Tagged(w.Word("!done"), sentence.Tag).End(), token).ConfigureAwait(false);
        return true;
    }

    // Returns false when the session must end.
    private async Task<bool> DispatchAsync(RouterSentence sentence, CancellationToken token)
    {
        var path = sentence.Command;
        if (path == "/quit")
        {
            await WriteAsync(w => w.Word("!fatal").Word("session terminated on request").End(), token).ConfigureAwait(false);
            return false;
        }
        if (path == "/cancel")
        {
            if (sentence["tag"] is { } target && _running.TryGetValue(target, out var running)) running.Cancel();
            await WriteAsync(w => Tagged(w.Word("!done"), sentence.Tag).End(), token).ConfigureAwait(false);
            return true;
        }
        if (path == Options.FatalOn)
        {
            await WriteAsync(w => w.Word("!fatal").Word("simulated fatal error").End(), token).ConfigureAwait(false);
            return false;
        }
        if (path == Options.DropConnectionOn)
        {
            // Half a reply, then the line goes dead.
            await WriteAsync(w => Tagged(w.Word("!re").Attribute("name", "half"), sentence.Tag), token).ConfigureAwait(false);
            return false;
        }
        if (path == Options.SilentOn) return true;

        var tag = sentence.Tag ?? "";
        var commandCancellation = CancellationTokenSource.CreateLinkedTokenSource(token);
        _running[tag] = commandCancellation;
        var previous = _previousTurn;
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _previousTurn = turn.Task;
        var task = Task.Run(async () =>
        {
            try
            {
                await RunCommandAsync(sentence, previous, turn, commandCancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                turn.TrySetResult();
                _running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(tag, commandCancellation));
                commandCancellation.Dispose();
            }
        }, CancellationToken.None);
        _inFlight[task] = 0;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    private async Task RunCommandAsync(RouterSentence sentence, Task previousTurn, TaskCompletionSource turn, CancellationToken token)
    {
        var session = _lifetime.Token;
        try
        {
            // The latency first, concurrently with the commands around it; then this command's turn.
            if (Options.CommandLatency > TimeSpan.Zero) await Task.Delay(Options.CommandLatency, Options.Clock, token).ConfigureAwait(false);
            await previousTurn.ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            if (sentence.Command.EndsWith("/listen", StringComparison.Ordinal))
            {
                await ListenAsync(sentence, turn, token).ConfigureAwait(false);
                return;
            }
            if (sentence.Command.StartsWith("/safe-mode/", StringComparison.Ordinal) && Options.HasSafeModeCommands)
            {
                RunSafeModeCommand(sentence);
                await WriteAsync(w => Tagged(w.Word("!done"), sentence.Tag).End(), session).ConfigureAwait(false);
                return;
            }
            // A script run takes its turn and then runs alongside what follows, as a long command does.
            if (sentence.Command == "/system/script/run") turn.TrySetResult();
            var outcome = await _router.Processor.ExecuteAsync(sentence.Command, sentence.Attributes, sentence.Queries, token).ConfigureAwait(false);
            await WriteAsync(w =>
            {
                foreach (var row in outcome.Rows) Row(w, row, sentence.Tag);
                if (outcome.Rows.Count == 0 && outcome.Ret is null && IsPrint(sentence.Command) && Options.SendsEmptyReplies)
                    Tagged(w.Word("!empty"), sentence.Tag).End();
                var done = w.Word("!done");
                if (outcome.Ret is not null) done.Attribute("ret", outcome.Ret);
                Tagged(done, sentence.Tag).End();
            }, session).ConfigureAwait(false);
            // The change has been answered; if it cut the router off (api disabled, the address gone), the line drops now.
            if (!_router.IsReachable) _router.CutOffSessions();
        }
        catch (SimulatedTrap trap)
        {
            await TrapAsync(sentence.Tag, trap.Message, trap.Category, session).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!session.IsCancellationRequested)
        {
            await TrapAsync(sentence.Tag, "interrupted", 2, session).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The session ended while the command ran.
        }
    }

    // /safe-mode/take, release and unroll (7.18 and later; on an older version they reach the processor, which
    // answers "no such command" as an older router does). They are the session's: safe mode is bound to it.
    private void RunSafeModeCommand(RouterSentence sentence)
    {
        foreach (var attribute in sentence.Attributes) throw SimulatedTrap.UnknownParameter(attribute.Key);
        switch (sentence.Command)
        {
            case "/safe-mode/take": _router.SafeMode.Take(this); break;
            case "/safe-mode/release": _router.SafeMode.Release(); break;
            case "/safe-mode/unroll": _router.SafeMode.Unroll(this); break;
            default: throw SimulatedTrap.NoSuchCommand(sentence.Command.Substring("/safe-mode/".Length));
        }
    }

    private static bool IsPrint(string path) => path.EndsWith("/print", StringComparison.Ordinal) || path.EndsWith("/getall", StringComparison.Ordinal);

    private async Task ListenAsync(RouterSentence sentence, TaskCompletionSource turn, CancellationToken token)
    {
        var menuPath = sentence.Command.Substring(0, sentence.Command.Length - "/listen".Length);
        if (!_router.Configuration.TryGetMenu(menuPath, out var menu)) throw SimulatedTrap.NoSuchCommand("listen");
        var changes = new BlockingCollection<(Dictionary<string, string> Item, bool Removed)>();
        void OnChanged(RouterMenu changed, Dictionary<string, string> item, bool removed)
        {
            if (changed == menu) changes.Add((new Dictionary<string, string>(item), removed));
        }
        _router.Configuration.Changed += OnChanged;
        turn.TrySetResult(); // listening from here on: the commands after it see their changes reported
        try
        {
            while (true)
            {
                var (item, removed) = await Task.Run(() => changes.Take(token), token).ConfigureAwait(false);
                var row = new List<KeyValuePair<string, string>>(item);
                if (removed) row = new List<KeyValuePair<string, string>> { new(".id", item[".id"]), new(".dead", "true") };
                await WriteAsync(w => Row(w, row, sentence.Tag), _lifetime.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _router.Configuration.Changed -= OnChanged;
        }
    }

    private Task TrapAsync(string? tag, string message, int? category, CancellationToken token) =>
        WriteAsync(w =>
        {
            var trap = w.Word("!trap");
            if (category is { } c) trap.Attribute("category", c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Tagged(trap.Attribute("message", message), tag).End();
            Tagged(w.Word("!done"), tag).End();
        }, token);

    private static void Row(SentenceWriter writer, IReadOnlyList<KeyValuePair<string, string>> row, string? tag)
    {
        writer.Word("!re");
        foreach (var pair in row) writer.Attribute(pair.Key, pair.Value);
        Tagged(writer, tag).End();
    }

    private static SentenceWriter Tagged(SentenceWriter writer, string? tag) => tag is null ? writer : writer.Tag(tag);

    private async Task WriteAsync(Action<SentenceWriter> build, CancellationToken token)
    {
        await _writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            build(_writer);
            await _writer.FlushAsync(_stream, token).ConfigureAwait(false);
        }
        finally
        {
            _writer.Clear();
            _writeLock.Release();
        }
    }
}
