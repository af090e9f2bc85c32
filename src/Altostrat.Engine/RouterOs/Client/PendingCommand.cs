using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>
/// A command in flight: the read loop hands it every sentence carrying its tag; the caller takes the rows as they
/// arrive and learns the outcome at <c>!done</c>. Rows queue without bound so that one slow consumer never stalls the
/// replies of the other commands sharing the connection.
/// </summary>
internal sealed class PendingCommand
{
    private readonly ConcurrentQueue<RouterSentence> _rows = new();
    private readonly SemaphoreSlim _signals = new(0);
    private readonly string _host;
    private Exception? _failure;
    private RouterTrapException? _trap;
    private int _finished;

    public PendingCommand(string host, string tag, string path, bool watchSilence)
    {
        _host = host;
        Tag = tag;
        Path = path;
        WatchSilence = watchSilence;
    }

    public string Tag { get; }

    public string Path { get; }

    /// <summary>
    /// Whether a silent router counts against the read timeout while this command waits. Not for listen commands
    /// (silent until something changes) nor for commands with their own explicit timeout (a long script run).
    /// </summary>
    public bool WatchSilence { get; }

    /// <summary>The <c>=ret=</c> of <c>!done</c>, once finished.</summary>
    public string? Ret { get; private set; }

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>Called by the read loop, one sentence at a time.</summary>
    public void Deliver(RouterSentence sentence)
    {
        switch (sentence.Command)
        {
            case "!re":
                _rows.Enqueue(sentence);
                _signals.Release();
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
    public void Finish(Exception? failure)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        _failure = failure;
        _signals.Release();
    }

    /// <summary>The next row; null once the command finished successfully; throws its failure otherwise.</summary>
    public async ValueTask<RouterSentence?> NextRowAsync(CancellationToken cancellationToken)
    {
        await _signals.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_rows.TryDequeue(out var row)) return row;
        // Rows are queued before the finish signal, so an empty queue means this signal is the finish.
        _signals.Release(); // let later calls see the end too
        if (_failure is not null) throw _failure;
        return null;
    }
}
