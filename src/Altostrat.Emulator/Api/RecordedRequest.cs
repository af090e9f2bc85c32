namespace Altostrat.Emulator.Api;

/// <summary>One request as the emulator received it, for contract tests: never the Authorization header.</summary>
public sealed record RecordedRequest(string Method, string Path, string? IdempotencyKey, string Body);
