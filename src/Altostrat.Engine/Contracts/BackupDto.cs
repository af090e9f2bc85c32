using System;

namespace Altostrat.Engine.Contracts;

/// <summary>A configuration backup of a site: the list's fields, plus <see cref="Content"/> when read one by one.</summary>
public sealed class BackupDto
{
    public string Filename { get; set; } = "";
    public string? Size { get; set; }
    public string? Date { get; set; }
    public string? Time { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? Content { get; set; }
}
