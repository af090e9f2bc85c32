namespace Altostrat.Emulator.Ai;

public sealed record GeneratedScript(string Content, string? Error, bool Destructive);
