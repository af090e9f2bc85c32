using System;

namespace Altostrat.Emulator.Storage;

public sealed record JobRecord(
    string Id, string SiteId, string IdempotencyKey, string RequestId, string Description, string Script,
    bool MakeBackup, bool ExpressExecute, bool NeedsAcknowledgement, string? NotifyUrl, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? FailedAt);
