using System;

namespace Altostrat.Emulator.Storage;

public sealed record SiteRecord(string Id, string Name, string Model, string SoftwareVersion, string SerialNumber, bool HasPulse, DateTimeOffset LastSeenAt);
