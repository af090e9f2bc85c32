using System;
using Altostrat.Engine.Contracts;

namespace Altostrat.Engine.Sdx;

/// <summary>What queueing a job on one site came to: the API's answer, or the failure that belongs to that site.</summary>
public sealed class SiteJobOutcome
{
    public SiteJobOutcome(string siteId, string idempotencyKey, AsyncJobResponseDto? response, Exception? error)
    {
        SiteId = siteId;
        IdempotencyKey = idempotencyKey;
        Response = response;
        Error = error;
    }

    public string SiteId { get; }

    /// <summary>The key sent with the request: the retry handler resends it, so the job is queued once.</summary>
    public string IdempotencyKey { get; }

    public AsyncJobResponseDto? Response { get; }

    public Exception? Error { get; }
}
