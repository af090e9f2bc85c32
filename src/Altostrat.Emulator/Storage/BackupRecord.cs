using System;

namespace Altostrat.Emulator.Storage;

/// <summary>A configuration backup of a site: <c>{unix seconds}.rsc</c>, the router's export text.</summary>
public sealed record BackupRecord(string SiteId, string Filename, DateTimeOffset CreatedAt, string Content);
