using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.Http;

/// <summary>
/// Retries throttled (429) and transient (502, 503, 504, network failure, attempt timeout) requests with jittered
/// exponential backoff, honouring Retry-After within a bound. Only requests that are safe to repeat are retried:
/// idempotent methods, and POSTs that carry an Idempotency-Key. Each attempt has its own timeout.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly AltoApiOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _unitRandom;

    public RetryHandler(AltoApiOptions options)
        : this(options, Task.Delay, ThreadSafeRandom.NextDouble)
    {
    }

    internal RetryHandler(AltoApiOptions options, Func<TimeSpan, CancellationToken, Task> delay, Func<double> unitRandom)
    {
        _options = options;
        _delay = delay;
        _unitRandom = unitRandom;
    }

    public static bool IsSafeToRepeat(HttpRequestMessage request)
    {
        var method = request.Method.Method;
        if (method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS") return true;
        return request.Headers.Contains(IdempotencyKeyHeader);
    }

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status == 429 || status == HttpStatusCode.BadGateway || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var policy = _options.Retry;
        var retryable = IsSafeToRepeat(request);
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = retryable && attempt < policy.MaxRetries;
            HttpResponseMessage response;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!canRetry)
                        throw new TimeoutException($"{request.Method} {request.RequestUri} did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s.");
                    await _delay(policy.BackoffDelay(attempt + 1, _unitRandom()), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (canRetry && IsTransientNetworkFailure(ex))
                {
                    await _delay(policy.BackoffDelay(attempt + 1, _unitRandom()), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (Exception ex) when (IsTransientNetworkFailure(ex))
                {
                    // The socket's message ("Connection refused (host:port)") says neither which request nor how long it was
                    // tried. A failure after sending cannot be told from one before, so a request that is not safe to
                    // repeat may have taken effect.
                    throw new HttpRequestException(
                        $"{request.Method} {request.RequestUri} failed on the network{(attempt > 0 ? $" in {attempt + 1} attempts" : "")}: {ex.Message.TrimEnd('.')}." +
                        (retryable ? "" : " It may have reached the service: check before sending it again.") +
                        " Check the API URL (Connect-Altostrat -ApiUrl) and the network.", ex);
                }
            }

            if (!canRetry || !IsTransientStatus(response.StatusCode)) return response;

            var wait = policy.BackoffDelay(attempt + 1, _unitRandom());
            var retryAfter = RetryAfter(response);
            if (retryAfter is { } asked)
            {
                if (asked > policy.MaxRetryAfter) return response;
                if (asked > wait) wait = asked;
            }
            response.Dispose();
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransientNetworkFailure(Exception ex) => ex is HttpRequestException || ex is IOException;

    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var delay = date - DateTimeOffset.UtcNow;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }
        return null;
    }
}
