using System;

namespace Altostrat.Engine.Contracts;

public sealed class AsyncJobDataDto
{
    public string? IdempotencyKey { get; set; }
    public string? RequestId { get; set; }
    public string? Target { get; set; }
    public string? NotifyUrl { get; set; }
    public DateTimeOffset? Date { get; set; }
}
