using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Tests.Support;

/// <summary>An inner handler that answers each attempt from a script of responses, recording what it was sent.</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public int Attempts { get; private set; }
    public List<string?> IdempotencyKeys { get; } = new();

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public ScriptedHandler Then(HttpResponseMessage response) => Then((_, _) => Task.FromResult(response));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attempts++;
        IdempotencyKeys.Add(request.Headers.TryGetValues("Idempotency-Key", out var keys) ? string.Join(",", keys) : null);
        if (_answers.Count == 0) throw new InvalidOperationException($"Attempt {Attempts} was not expected.");
        return _answers.Dequeue()(request, cancellationToken);
    }
}
