namespace Altostrat.Engine.Sdx;

/// <summary>
/// Which job of a site to follow: by its id, or (for a job just queued, whose id the queue call does not return)
/// by the idempotency key it was queued with.
/// </summary>
public sealed class SiteJobKey
{
    public SiteJobKey(string siteId, string? jobId, string? idempotencyKey)
    {
        SiteId = siteId;
        JobId = string.IsNullOrEmpty(jobId) ? null : jobId;
        IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey;
    }

    public string SiteId { get; }
    public string? JobId { get; }
    public string? IdempotencyKey { get; }

    public bool Matches(Contracts.SiteJobDto job) =>
        (JobId is not null && job.Id == JobId) || (JobId is null && IdempotencyKey is not null && job.IdempotencyKey == IdempotencyKey);

    public override string ToString() => $"{SiteId}/{JobId ?? IdempotencyKey}";
}
