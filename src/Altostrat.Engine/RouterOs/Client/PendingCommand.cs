using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// A command in flight: the read loop hands it every sentence carrying its tag. A streamed command queues its rows
/// for the caller to take as they arrive (without bound, so that one slow consumer never stalls the replies of the
/// other commands sharing the connection). A collected command (ExecuteAsync, ExecuteManyAsync) only keeps its rows
/// in a list and at <c>!done</c> completes its task (ExecuteAsync) or tells its batch (ExecuteManyAsync, whose one
/// task waits for all its commands): no queue, semaphore or wait per row, which for the thousands of small commands of
/// a configuration run was most of the client's cost per command.
/// </summary>
internal sealed class PendingCommand
{
    private static readonly RouterSentence[] NoRows = Array.Empty<RouterSentence>();

    // Streamed commands only.
    private readonly ConcurrentQueue<RouterSentence>? _rows;
    private readonly SemaphoreSlim? _signals;
    private readonly bool _collect;
    // Collected commands only, made with the first row (most commands of a configuration run answer !done alone).
    // Written by the read loop alone and read once the reply completes.
    private List<RouterSentence>? _collected;
    private readonly TaskCompletionSource<RouterReply>? _reply;
    private readonly string _host;
    private readonly CommandBatch? _batch;
    private Exception? _failure;
    private RouterTrapException? _trap;
    private int _finished;

    [MethodImpl(HotPath.Optimize)]
    public PendingCommand(string host, int tag, string path, bool watchSilence, bool collect, CommandBatch? batch = null)
    {
        _host = host;
        _batch = batch;
        Tag = tag;
        Path = path;
        WatchSilence = watchSilence;
        _collect = collect;
        if (collect)
        {
            // A command of a batch has no task of its own: the batch completes once, for all of them.
            // Asynchronous continuations: the read loop completes this, and must never run the caller's code.
            if (batch is null) _reply = new TaskCompletionSource<RouterReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        else
        {
            _rows = new ConcurrentQueue<RouterSentence>();
            _signals = new SemaphoreSlim(0);
        }
    }

    public int Tag { get; }

    public string Path { get; }

    /// <summary>
    /// Whether a silent router counts against the read timeout while this command waits. Not for listen commands
    /// (silent until something changes) nor for commands with their own explicit timeout (a long script run).
    /// </summary>
    public bool WatchSilence { get; }

    /// <summary>The <c>=ret=</c> of <c>!done</c>, once finished.</summary>
    public string? Ret { get; private set; }

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    // Rows of a streamed command that its reader has not taken yet.
    private int _queuedRows;

    /// <summary>
    /// The rows the command holds and nobody has taken: all of a collected command's so far, a streamed command's not
    /// yet read (read by the read loop, which alone adds them).
    /// </summary>
    public int BufferedRows => _collected?.Count ?? Volatile.Read(ref _queuedRows);

    /// <summary>Called by the read loop, one sentence at a time.</summary>
    [MethodImpl(HotPath.Optimize)]
    public void Deliver(RouterSentence sentence)
    {
        switch (sentence.Command)
        {
            case "!re":
                if (_collect)
                {
                    (_collected ??= new List<RouterSentence>()).Add(sentence);
                    break;
                }
                _rows!.Enqueue(sentence);
                Interlocked.Increment(ref _queuedRows);
                _signals!.Release();
                break;
            case "!trap":
                // A trap is always followed by !done; keep the first one as the command's failure.
                _trap ??= new RouterTrapException(_host, Path, sentence["message"] ?? "the command failed",
                    RouterTrapException.ParseCategory(sentence["category"]));
                break;
            case "!done":
                Ret = sentence["ret"];
                Finish(_trap);
                break;
            // !empty only says there are no rows; !done follows.
        }
    }

    /// <summary>Ends the command with <paramref name="failure"/> (connection lost, fatal) or successfully when null.</summary>
    [MethodImpl(HotPath.Optimize)]
    public void Finish(Exception? failure)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        _failure = failure;
        if (_batch is not null)
        {
            _batch.OneFinished();
            return;
        }
        if (_reply is not null)
        {
            if (failure is null) _reply.TrySetResult(new RouterReply(CollectedRows, Ret));
            else _reply.TrySetException(failure);
            return;
        }
        _signals!.Release();
    }

    /// <summary>Why the command ended unsuccessfully, once finished; null for success.</summary>
    public Exception? Failure => _failure;

    /// <summary>A collected command's rows, once finished.</summary>
    public IReadOnlyList<RouterSentence> CollectedRows => (IReadOnlyList<RouterSentence>?)_collected ?? NoRows;

    /// <summary>
    /// Marks a command of a batch finished without counting it done, so that replies still on their way are dropped;
    /// the caller tells the router to cancel it, then ends it with <see cref="FailAbandoned"/>. False when it had
    /// already finished.
    /// </summary>
    public bool TryAbandon() => Interlocked.Exchange(ref _finished, 1) == 0;

    /// <summary>Ends an abandoned command of a batch with <paramref name="failure"/>.</summary>
    public void FailAbandoned(Exception failure)
    {
        _failure = failure;
        _batch!.OneFinished();
    }

    /// <summary>A collected command's reply: its rows at <c>!done</c>, or its failure.</summary>
    public Task<RouterReply> Reply => (_reply ?? throw new InvalidOperationException("Only a collected command outside a batch has a reply task.")).Task;

    /// <summary>
    /// Makes <see cref="Reply"/> end with <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/>
    /// is cancelled before the reply came; the command itself stays unfinished (the caller then abandons it). One
    /// registration, rather than a wait per row, is all a collected command costs its caller's token.
    /// </summary>
    public CancellationTokenRegistration CancelWaitOn(CancellationToken cancellationToken)
    {
        var reply = _reply ?? throw new InvalidOperationException("Only a collected command outside a batch has a reply task.");
        if (reply.Task.IsCompleted || !cancellationToken.CanBeCanceled) return default;
        return cancellationToken.Register(static state => ((TaskCompletionSource<RouterReply>)state!).TrySetCanceled(), reply);
    }

    /// <summary>A streamed command's next row; null once the command finished successfully; throws its failure otherwise.</summary>
    public async ValueTask<RouterSentence?> NextRowAsync(CancellationToken cancellationToken)
    {
        if (_signals is null) throw new InvalidOperationException("A collected command has no row stream.");
        await _signals.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_rows!.TryDequeue(out var row))
        {
            Interlocked.Decrement(ref _queuedRows);
            return row;
        }
        // Rows are queued before the finish signal, so an empty queue means this signal is the finish.
        _signals.Release(); // let later calls see the end too
        if (_failure is not null) throw _failure;
        return null;
    }
}
