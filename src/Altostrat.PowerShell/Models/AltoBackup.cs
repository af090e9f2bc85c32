using System;

namespace Altostrat.PowerShell;

/// <summary>A configuration backup of a site; <see cref="Content"/> (the RouterOS export) only when read one by one.</summary>
public sealed class AltoBackup
{
    public string SiteId { get; set; } = "";

    /// <summary>The backup's id: <c>1732567800.rsc</c>.</summary>
    public string Filename { get; set; } = "";

    /// <summary>As the API writes it: <c>12.3KB</c>.</summary>
    public string? Size { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
    public string? Content { get; set; }

    /// <summary>Where -OutFile saved the content; null otherwise.</summary>
    public string? SavedTo { get; set; }

    public override string ToString() => $"{SiteId}/{Filename}";
}

/// <summary>A backup requested from a site (Backup-AltoSite without -Wait): it appears in Get-AltoBackup when made.</summary>
public sealed class AltoBackupRequest
{
    public string SiteId { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? Message { get; set; }

    public override string ToString() => SiteId;
}

/// <summary>
/// A line that differs between two backups (or a backup and a file): '-' only in the reference, '+' only in the
/// difference, with its line number in its own file and the RouterOS menu (<c>/ip address</c>) it is in.
/// </summary>
public sealed class AltoBackupDiffLine
{
    public string Indicator { get; set; } = "";
    public int LineNumber { get; set; }
    public string? Menu { get; set; }
    public string Text { get; set; } = "";

    /// <summary>What was compared: <c>site/filename</c> or a path.</summary>
    public string Reference { get; set; } = "";
    public string Difference { get; set; } = "";

    public override string ToString() => Indicator + Text;
}
