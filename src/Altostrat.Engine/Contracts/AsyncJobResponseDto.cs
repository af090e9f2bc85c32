namespace Altostrat.Engine.Contracts;

public sealed class AsyncJobResponseDto
{
    public string? Status { get; set; }
    public AsyncJobDataDto? Data { get; set; }
}
