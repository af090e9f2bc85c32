using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Http;
using Altostrat.Tests.Support;
using Xunit;

namespace Altostrat.Tests.Engine;

public sealed class RetryHandlerTests
{
    private readonly List<TimeSpan> _delays = new();

    private HttpMessageInvoker Invoker(ScriptedHandler inner, AltoApiOptions? options = null)
    {
        options ??= new AltoApiOptions { Retry = new RetryPolicy { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) } };
        var handler = new RetryHandler(options, (delay, _) => { _delays.Add(delay); return Task.CompletedTask; }, () => 0.5) { InnerHandler = inner };
        return new HttpMessageInvoker(handler);
    }

    private static HttpResponseMessage Status(int status) => new((HttpStatusCode)status);

    private static HttpRequestMessage Post(string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/x") { Content = new StringContent("{}") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Retries_a_transient_status_on_GET_until_it_succeeds(int status)
    {
        var inner = new ScriptedHandler().Then(Status(status)).Then(Status(status)).Then(Status(200));
        var response = await Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, inner.Attempts);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100) }, _delays);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(500)]
    public async Task Does_not_retry_other_statuses(int status)
    {
        var inner = new ScriptedHandler().Then(Status(status));
        var response = await Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task Gives_up_after_the_maximum_and_returns_the_last_response()
    {
        var inner = new ScriptedHandler().Then(Status(503)).Then(Status(503)).Then(Status(503)).Then(Status(503));
        var response = await Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, inner.Attempts);
    }

    [Fact]
    public async Task Never_retries_a_POST_without_an_idempotency_key()
    {
        var inner = new ScriptedHandler().Then(Status(503));
        var response = await Invoker(inner).SendAsync(Post(), CancellationToken.None);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task Retries_a_POST_with_an_idempotency_key_sending_the_same_key_each_time()
    {
        var inner = new ScriptedHandler().Then(Status(502)).Then((_, _) => throw new HttpRequestException("connection reset")).Then(Status(202));
        var response = await Invoker(inner).SendAsync(Post("key-1"), CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new[] { "key-1", "key-1", "key-1" }, inner.IdempotencyKeys);
    }

    [Fact]
    public async Task Honours_Retry_After_when_it_is_longer_than_the_backoff()
    {
        var throttled = Status(429);
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        var inner = new ScriptedHandler().Then(throttled).Then(Status(200));
        await Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, _delays);
    }

    [Fact]
    public async Task Stops_retrying_when_Retry_After_exceeds_the_bound()
    {
        var throttled = Status(429);
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
        var inner = new ScriptedHandler().Then(throttled);
        var response = await Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None);
        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(1, inner.Attempts);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_and_the_last_one_reports_a_timeout()
    {
        var options = new AltoApiOptions { RequestTimeout = TimeSpan.FromMilliseconds(50), Retry = new RetryPolicy { MaxRetries = 1 } };
        static async Task<HttpResponseMessage> Hang(HttpRequestMessage _, CancellationToken token) { await Task.Delay(Timeout.Infinite, token); return null!; }
        var inner = new ScriptedHandler().Then(Hang).Then(Hang);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Invoker(inner, options).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), CancellationToken.None));
        Assert.Equal(2, inner.Attempts);
        Assert.Contains("did not answer within", error.Message);
    }

    [Fact]
    public async Task A_network_failure_on_every_attempt_names_the_request_and_the_attempts()
    {
        static Task<HttpResponseMessage> Refuse(HttpRequestMessage _, CancellationToken __) => throw new HttpRequestException("Connection refused (127.0.0.1:1)");
        var inner = new ScriptedHandler().Then(Refuse).Then(Refuse).Then(Refuse).Then(Refuse);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/sites"), CancellationToken.None));
        Assert.Equal(4, inner.Attempts);
        Assert.StartsWith("GET http://127.0.0.1:1/sites failed on the network in 4 attempts: Connection refused (127.0.0.1:1). Check the API URL", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);

        // A POST without an idempotency key is tried once, and may have reached the service before the failure.
        var once = new ScriptedHandler().Then(Refuse);
        error = await Assert.ThrowsAsync<HttpRequestException>(() => Invoker(once).SendAsync(Post(), CancellationToken.None));
        Assert.Equal(1, once.Attempts);
        Assert.Contains("POST http://127.0.0.1/x failed on the network: Connection refused (127.0.0.1:1). It may have reached the service: check before sending it again.", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        var inner = new ScriptedHandler().Then(async (_, token) => { cancel.Cancel(); await Task.Delay(Timeout.Infinite, token); return null!; });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Invoker(inner).SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x"), cancel.Token));
        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public void Backoff_is_jittered_below_an_exponential_ceiling_capped_at_the_maximum()
    {
        var policy = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000) };
        Assert.Equal(TimeSpan.Zero, policy.BackoffDelay(1, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.BackoffDelay(1, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), policy.BackoffDelay(3, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), policy.BackoffDelay(10, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.BackoffDelay(10, 0.5));
    }
}
