using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// One logged-in API session with a router. Commands are tagged, so any number can be in flight at once: a single
/// read loop routes each reply to its command by <c>.tag</c>. A lost connection, a <c>!fatal</c> or a read timeout
/// fails every command in flight; a cancelled command is withdrawn with <c>/cancel</c> and the session stays usable.
/// </summary>
public sealed class RouterConnection : IDisposable
{
    private readonly RouterConnectionOptions _options;
    private readonly TcpClient _tcp;
    private int _readLoopStarted;
    private readonly Stream _stream;
    private readonly SentenceReader _reader;
    private readonly SentenceWriter _writer = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PendingTable _pending = new();
    private readonly CancellationTokenSource _lifetime = new();
    private Timer? _watchdog;
    private int _nextTag;
    private int _lastActivity;
    private int _closed;
    private Exception? _closeReason;

    private RouterConnection(RouterConnectionOptions options, string userName, TcpClient tcp, Stream stream)
    {
        _options = options;
        Peer = options.DisplayName;
        _tcp = tcp;
        _stream = stream;
        _reader = new SentenceReader(stream, options.Limits);
        UserName = userName;
        IsTls = options.UseTls;
    }

    public string Host => _options.Host;

    // How messages name this router (host, or host:port off the standard port); spelled once, as every command's
    // bookkeeping carries it.
    internal string Peer { get; }

    public int Port => _options.EffectivePort;

    public bool IsTls { get; }

    public string UserName { get; }

    public bool IsConnected => Volatile.Read(ref _closed) == 0;

    /// <summary>Why the connection ended, once it has.</summary>
    public Exception? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Commands registered for replies; for tests that check nothing is left behind.</summary>
    internal int PendingCount => _pending.Count;

    /// <summary>Connects, negotiates TLS when asked, and logs in. Everything before the login completes is bound by the connect timeout.</summary>
    public static async Task<RouterConnection> ConnectAsync(RouterConnectionOptions options, string userName, string password,
        CancellationToken cancellationToken = default)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrEmpty(userName)) throw new ArgumentException("A user name is required to log in to a router.", nameof(userName));
        var host = options.Host;
        var port = options.EffectivePort;
        var name = options.DisplayName;
        // Only with TLS: a plain connection then never loads the TLS and certificate code (see NegotiateTlsAsync).
        var policy = options.UseTls ? new CertificatePolicy(options) : null;
        var tcp = new TcpClient { NoDelay = true };
        Stream? stream = null;
        RouterConnection? connection = null;
        var handshaking = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        try
        {
            // The netstandard2.0 connect and handshake take no token: closing the socket is what aborts them.
            using (deadline.Token.Register(() => tcp.Dispose()))
            {
                await tcp.ConnectAsync(host, port).ConfigureAwait(false);
                stream = tcp.GetStream();
                if (policy is not null)
                {
                    handshaking = true;
                    stream = await NegotiateTlsAsync(stream, name, host, port, policy).ConfigureAwait(false);
                    handshaking = false;
                }
                connection = new RouterConnection(options, userName, tcp, stream);
                await RouterLogin.LoginAsync(stream, connection._reader, connection._writer, name, userName, password, deadline.Token).ConfigureAwait(false);
            }
            connection.Start();
            return connection;
        }
        catch (Exception ex)
        {
            connection?.Close(null);
            stream?.Dispose();
            tcp.Dispose();
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            // A plain API port never answers a TLS hello, or drops the connection on it: the likeliest cause by far.
            var notTls = handshaking ? $" The TLS handshake got no answer. {ApiSslHint(port)}" : "";
            if (deadline.IsCancellationRequested)
                throw new RouterTimeoutException(name, $"Connecting to {options} took longer than {options.ConnectTimeout.TotalSeconds:0.#} s.{notTls}", options.ConnectTimeout);
            throw ex switch
            {
                // Bytes that are not the API's sentences before the login finished: another service on that port.
                RouterProtocolException => new RouterConnectionException(name,
                    $"{options} did not answer as the RouterOS API ({ex.Message.TrimEnd('.')}). Is {port} the router's API port (8728, or 8729 for API-SSL), and its api service enabled?", ex),
                RouterException => ex,
                SocketException or IOException or ObjectDisposedException => new RouterConnectionException(name, $"Could not connect to {options}: {ex.Message}{notTls}", ex),
                _ => ex,
            };
        }
    }

    // A method of its own, which alone names the TLS types: ConnectAsync naming them (a field of its state machine, a
    // type in its catch) loaded the TLS assembly for every plain connection, on a fresh process's first connect.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<Stream> NegotiateTlsAsync(Stream stream, string name, string host, int port, CertificatePolicy policy)
    {
        var ssl = new SslStream(stream, false, policy.Validate);
        try
        {
            await ssl.AuthenticateAsClientAsync(host).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception ex)
        {
            ssl.Dispose();
            if (ex is not AuthenticationException) throw;
            // The certificate policy refused the router: say how to trust it. Otherwise TLS itself failed, and the
            // usual cause is a port that does not speak it.
            throw new RouterConnectionException(name, policy.RejectionReason is { } rejected
                ? $"The TLS handshake with {host}:{port} failed: {rejected}. Trust the router's certificate, pin it with its thumbprint, or skip the check explicitly."
                : $"The TLS handshake with {host}:{port} failed: {ex.Message.TrimEnd('.')}. {ApiSslHint(port)}", ex);
        }
    }

    // Said wherever TLS fails for want of a TLS server: the usual cause is the plain API port given for API-SSL.
    private static string ApiSslHint(int port) =>
        $"Is {port} the router's API-SSL port (8729 unless changed, with a certificate on its api-ssl service), not the plain API port?";

    /// <summary>
    /// Runs <paramref name="command"/> to its <c>!done</c> and returns all its rows; a <c>!trap</c> throws
    /// <see cref="RouterTrapException"/>. An explicit <paramref name="timeout"/> replaces both the command and the read
    /// timeout for this command, for work that is legitimately silent for long (running a script).
    /// </summary>
    public async Task<RouterReply> ExecuteAsync(RouterCommand command, CancellationToken cancellationToken = default, TimeSpan? timeout = null)
    {
        var pending = await SendAsync(command, watchSilence: timeout is null, collect: true, cancellationToken).ConfigureAwait(false);
        var limit = timeout ?? _options.CommandTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limit != Timeout.InfiniteTimeSpan) deadline.CancelAfter(limit);
        return await CollectAsync(pending, limit, deadline.Token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends all <paramref name="commands"/> in one write, each tagged, and completes once every one has finished,
    /// with one outcome per command, in order: its rows and <c>=ret=</c> as <see cref="ExecuteAsync"/> would return
    /// them, or its own failure (a trap fails only its command). The router receives them in this order and they are in flight
    /// together, so a batch costs about one round trip, and one system call to send, rather than one each. They share
    /// the command timeout from the moment they were sent: a command still unanswered then is cancelled on the router
    /// and fails with <see cref="RouterTimeoutException"/>. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> cut a command short, and a <see cref="RouterException"/> when the batch
    /// could not be sent.
    /// </summary>
    public async Task<IReadOnlyList<CommandOutcome>> ExecuteManyAsync(IReadOnlyList<RouterCommand> commands, CancellationToken cancellationToken = default)
    {
        if (commands is null) throw new ArgumentNullException(nameof(commands));
        var batch = new CommandBatch(commands.Count);
        var pending = await SendManyAsync(commands, batch, cancellationToken).ConfigureAwait(false);
        // Sent, and not needed while the router answers: this method's state would otherwise hold them until the last
        // reply, and a fleet run has many routers waiting at once.
        commands = null!;
        if (pending.Length == 0) return Array.Empty<CommandOutcome>();
        var limit = _options.CommandTimeout;
        if (limit != Timeout.InfiniteTimeSpan || cancellationToken.CanBeCanceled)
        {
            var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var onDeadline = deadline.Token.Register(() => _ = AbandonBatchAsync(pending, limit, cancellationToken));
            batch.Watch(deadline, onDeadline);
            if (limit != Timeout.InfiniteTimeSpan)
            {
                try { deadline.CancelAfter(limit); }
                catch (ObjectDisposedException) { } // every command finished already and the batch released its deadline
            }
        }
        await batch.Finished.ConfigureAwait(false);
        var outcomes = new CommandOutcome[pending.Length];
        var cancelled = false;
        for (var i = 0; i < pending.Length; i++)
        {
            outcomes[i] = new CommandOutcome(pending[i]);
            cancelled |= outcomes[i].Failure is OperationCanceledException;
        }
        if (cancelled) throw new OperationCanceledException(cancellationToken);
        return outcomes;
    }

    // The batch's deadline passed (or the caller cancelled): each unfinished command is withdrawn as CollectAsync
    // withdraws one (dropped from the table, /cancel sent), then fails with the timeout or the caller's cancellation.
    private async Task AbandonBatchAsync(PendingCommand[] pending, TimeSpan limit, CancellationToken cancellationToken)
    {
        // Why, as it was when the deadline fired: a caller who cancels while the /cancel words are sent did not cut these short.
        var cancelled = cancellationToken.IsCancellationRequested;
        var abandoned = new List<PendingCommand>();
        foreach (var command in pending)
        {
            if (!command.TryAbandon()) continue;
            _pending.Remove(command.Tag);
            abandoned.Add(command);
        }
        if (abandoned.Count == 0) return;
        try
        {
            await SendCancelsAsync(abandoned.Select(command => command.Tag)).ConfigureAwait(false);
        }
        finally
        {
            // Whatever happened to the cancels: the batch waits for these commands, and must hear that they ended.
            foreach (var command in abandoned)
            {
                command.FailAbandoned(cancelled
                    ? new OperationCanceledException(cancellationToken)
                    : new RouterTimeoutException(Peer, $"{command.Path} on {Peer} did not finish within {limit.TotalSeconds:0.#} s; it was cancelled.", limit));
            }
        }
    }

    // Waits for the command's !done; a deadline that passes (not the caller's cancel) is a timeout.
    private async Task<RouterReply> CollectAsync(PendingCommand pending, TimeSpan limit, CancellationToken deadline, CancellationToken cancellationToken)
    {
        try
        {
            using (pending.CancelWaitOn(deadline))
                return await pending.Reply.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!pending.IsFinished)
        {
            await AbandonAsync(pending).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new RouterTimeoutException(Peer, $"{pending.Path} on {Peer} did not finish within {limit.TotalSeconds:0.#} s; it was cancelled.", limit);
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> and yields each <c>!re</c> as it arrives, for large prints and for listen
    /// commands that stream until cancelled. Stopping early or cancelling sends <c>/cancel</c> for the command.
    /// </summary>
    public async IAsyncEnumerable<RouterSentence> StreamAsync(RouterCommand command, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pending = await SendAsync(command, watchSilence: !IsStreaming(command), collect: false, cancellationToken).ConfigureAwait(false);
        try
        {
            while (await pending.NextRowAsync(cancellationToken).ConfigureAwait(false) is { } row) yield return row;
        }
        finally
        {
            if (!pending.IsFinished) await AbandonAsync(pending).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="StreamAsync"/> with a callback per row, for callers that must not depend on IAsyncEnumerable
    /// (the module's cmdlet assembly, which loads outside the engine's isolation, has no Microsoft.Bcl.AsyncInterfaces).
    /// </summary>
    /// <returns>The <c>=ret=</c> of the command's <c>!done</c>: the value a <c>get</c> reads; null when there is none.</returns>
    public async Task<string?> ForEachRowAsync(RouterCommand command, Action<RouterSentence> onRow, CancellationToken cancellationToken = default)
    {
        if (onRow is null) throw new ArgumentNullException(nameof(onRow));
        var pending = await SendAsync(command, watchSilence: !IsStreaming(command), collect: false, cancellationToken).ConfigureAwait(false);
        try
        {
            while (await pending.NextRowAsync(cancellationToken).ConfigureAwait(false) is { } row) onRow(row);
            return pending.Ret;
        }
        finally
        {
            if (!pending.IsFinished) await AbandonAsync(pending).ConfigureAwait(false);
        }
    }

    private static bool IsStreaming(RouterCommand command)
    {
        if (command.Path.EndsWith("/listen", StringComparison.Ordinal)) return true;
        foreach (var parameter in command.Parameters)
            if (parameter.Key is "follow" or "follow-only" or "interval") return true;
        return false;
    }

    // One lock, one write, one flush for the whole batch; on failure nothing of it stays registered.
    private async Task<PendingCommand[]> SendManyAsync(IReadOnlyList<RouterCommand> commands, CommandBatch batch, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
            if (command is null) throw new ArgumentException("A batch cannot contain a null command.", nameof(commands));
        ThrowIfClosed();
        var pending = new PendingCommand[commands.Count];
        if (pending.Length == 0) return pending;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var registered = 0;
        try
        {
            ThrowIfClosed();
            _pending.Expect(commands.Count);
            for (var i = 0; i < commands.Count; i++)
            {
                var tag = NextTag();
                pending[i] = new PendingCommand(Peer, tag, commands[i].Path, watchSilence: true, collect: true, batch);
                _pending.Add(pending[i]);
                registered++;
                commands[i].WriteTo(_writer, tag);
            }
            Volatile.Write(ref _lastActivity, Environment.TickCount);
            await _writer.FlushAsync(_stream, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            for (var i = 0; i < registered; i++) _pending.Remove(pending[i].Tag);
            var reason = CloseReason ?? new RouterConnectionException(Peer, $"The connection to {Peer} was lost while sending {commands.Count} commands: {ex.Message}", ex);
            Close(reason);
            throw reason;
        }
        catch
        {
            for (var i = 0; i < registered; i++) _pending.Remove(pending[i].Tag);
            throw;
        }
        finally
        {
            _writer.Clear();
            _writeLock.Release();
        }
        return pending;
    }

    // collect: the caller wants the whole reply at !done (ExecuteAsync), not the rows one by one (StreamAsync).
    private async Task<PendingCommand> SendAsync(RouterCommand command, bool watchSilence, bool collect, CancellationToken cancellationToken)
    {
        if (command is null) throw new ArgumentNullException(nameof(command));
        ThrowIfClosed();
        var tag = NextTag();
        var pending = new PendingCommand(Peer, tag, command.Path, watchSilence, collect);
        // The command is registered only once the lock is held: a wait that is cancelled (or a send that fails)
        // must leave nothing in the table, or the watchdog later sees a command "waiting" for a reply that will
        // never come and closes a healthy session with a misleading timeout. Registering before the write still
        // guarantees the reply, however fast, finds its command.
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Checked again under the lock: Close may have run while we waited, and it sweeps only what is registered.
            ThrowIfClosed();
            _pending.Add(pending);
            command.WriteTo(_writer, tag);
            Volatile.Write(ref _lastActivity, Environment.TickCount);
            // Not the caller's token: a sentence abandoned half-written would corrupt the stream for everyone.
            await _writer.FlushAsync(_stream, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            _pending.Remove(tag);
            var reason = CloseReason ?? new RouterConnectionException(Peer, $"The connection to {Peer} was lost while sending {command.Path}: {ex.Message}", ex);
            Close(reason);
            throw reason;
        }
        catch
        {
            _pending.Remove(tag);
            throw;
        }
        finally
        {
            _writer.Clear();
            _writeLock.Release();
        }
        return pending;
    }

    // Withdraws a command nobody waits for any more: its later replies are dropped, and the router is told to stop.
    private async Task AbandonAsync(PendingCommand pending)
    {
        _pending.Remove(pending.Tag);
        pending.Finish(new OperationCanceledException());
        await SendCancelsAsync(new[] { pending.Tag }).ConfigureAwait(false);
    }

    // Tells the router to stop the commands of these tags, within a second for them all. Best effort: if a cancel cannot
    // be sent, the connection is already going away.
    private async Task SendCancelsAsync(IEnumerable<int> tags)
    {
        if (!IsConnected) return;
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            // Streamed, though nobody reads it: a collected reply that fails unobserved would surface as an unobserved task exception.
            foreach (var tag in tags)
                await SendAsync(new RouterCommand("/cancel").With("tag", tag.ToString(CultureInfo.InvariantCulture)), watchSilence: false, collect: false, grace.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RouterException or OperationCanceledException)
        {
            // The connection is going away; the commands are withdrawn on this side all the same.
        }
    }

    // Tags stay below a billion, the numbers a reply's tag is read back as (RouterSentence.TagNumber); a session would
    // need that many commands before one comes round again.
    private int NextTag() => (int)((uint)Interlocked.Increment(ref _nextTag) % 1_000_000_000u);

    private void Start()
    {
        Volatile.Write(ref _lastActivity, Environment.TickCount);
        var period = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(1000, _options.ReadTimeout.TotalMilliseconds / 4)));
        _watchdog = new Timer(_ => CheckReadTimeout(), null, period, period);
        Volatile.Write(ref _readLoopStarted, 1);
        _ = Task.Run(ReadLoopAsync);
    }

    // One sentence of the read loop, outside the loop's state machine so that it can be compiled optimised at once
    // (see HotPath): hands it to the command it answers. Returns why the loop ends, or null to read on.
    [MethodImpl(HotPath.Optimize)]
    private Exception? Dispatch(RouterSentence? sentence)
    {
        if (sentence is null) return new RouterConnectionException(Peer, $"{Peer} closed the connection.");
        Volatile.Write(ref _lastActivity, Environment.TickCount);
        if (sentence.Command == "!fatal") return new RouterFatalException(Peer, RouterLogin.FatalReason(sentence));
        // No tag, or the tag of a command already abandoned: nobody is waiting for it.
        // The last reply of a command (!done) also takes it out of the table.
        if (sentence.TagNumber < 0 || !_pending.TryGet(sentence.TagNumber, remove: sentence.Command == "!done", out var pending)) return null;
        pending.Deliver(sentence);
        // A router that sends rows without end (or faster than a streamed reply's reader takes them, by that many)
        // ends the connection rather than the client's memory.
        if (pending.BufferedRows > _options.Limits.MaxReplyRows)
            return new RouterProtocolException($"{Peer} sent more than {_options.Limits.MaxReplyRows:N0} rows for {pending.Path} that were not taken; the connection was closed. " +
                "Narrow the command (a query, or -Property), or read the menu in parts.");
        return null;
    }

    private async Task ReadLoopAsync()
    {
        Exception failure;
        try
        {
            while (true)
            {
                // No token: Close shuts the socket down, which ends this read with end-of-stream. Cancelling it
                // instead threw an exception through four async frames for every connection closed.
                var sentence = await _reader.ReadSentenceAsync(CancellationToken.None).ConfigureAwait(false);
                if (Dispatch(sentence) is { } end)
                {
                    failure = end;
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            failure = CloseReason ?? (ex is RouterException
                ? ex
                : new RouterConnectionException(Peer, $"The connection to {Peer} was lost: {ex.Message}", ex));
        }
        Close(failure);
        // The socket is disposed here, once the read has ended, so that ending never races with the disposal. Only
        // the loop uses the reader, so only the loop may hand its buffer back.
        _stream.Dispose();
        _tcp.Dispose();
        _reader.Dispose();
        // The writer's pooled buffer goes back too (it was left to the collector, a fresh 4 KB or more for every
        // connection of a fleet run). Under the write lock, so no send is using it: any later send finds the
        // connection closed before it writes.
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try { _writer.Dispose(); }
        finally { _writeLock.Release(); }
    }

    private void CheckReadTimeout()
    {
        if (!IsConnected) return;
        var silentFor = unchecked(Environment.TickCount - Volatile.Read(ref _lastActivity));
        if (silentFor < _options.ReadTimeout.TotalMilliseconds) return;
        if (_pending.FirstWatchingSilence() is not { } pending) return;
        Close(new RouterTimeoutException(Peer,
            $"{Peer} sent nothing for {_options.ReadTimeout.TotalSeconds:0.#} s while {pending.Path} was waiting; the connection was closed.", _options.ReadTimeout));
    }

    private void ThrowIfClosed()
    {
        if (!IsConnected) throw CloseReason ?? new RouterConnectionException(Peer, $"The connection to {Peer} is closed.");
    }

    // Ends the connection once: remembers why, shuts the socket down (which ends the read loop, and the loop then
    // disposes it) and fails every command.
    private void Close(Exception? reason)
    {
        reason ??= new RouterConnectionException(Peer, $"The connection to {Peer} was closed.");
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null) reason = _closeReason!;
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _watchdog?.Dispose();
        try { _lifetime.Cancel(); } catch (ObjectDisposedException) { } // writes in flight
        try { _tcp.Client?.Shutdown(SocketShutdown.Both); }
        catch (SocketException) { } // already reset by the peer: the read has failed or will
        catch (ObjectDisposedException) { }
        if (Volatile.Read(ref _readLoopStarted) == 0)
        {
            _stream.Dispose();
            _tcp.Dispose();
        }
        foreach (var pending in _pending.TakeAll()) pending.Finish(reason);
    }

    /// <summary>Closes the session; commands still in flight fail with a connection error.</summary>
    public void Dispose() => Close(new RouterConnectionException(Peer, $"The connection to {Peer} was closed."));
}
