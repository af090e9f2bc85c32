using System;
using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Sdx;

namespace Altostrat.PowerShell.Sdx;

/// <summary>
/// The jobs the site job cmdlets were given, grouped by site: a whole site (all its jobs), or single jobs by id or
/// by the idempotency key Invoke-AltoRouterScript -SiteId queued them with.
/// </summary>
internal sealed class SiteJobTargets
{
    private readonly Dictionary<string, List<SiteJobKey>?> _bySite = new(StringComparer.Ordinal);

    public void Add(string siteId, string? jobId, string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(siteId)) return;
        siteId = siteId.Trim();
        var wholeSite = string.IsNullOrEmpty(jobId) && string.IsNullOrEmpty(idempotencyKey);
        if (!_bySite.TryGetValue(siteId, out var keys))
        {
            _bySite[siteId] = wholeSite ? null : new List<SiteJobKey>();
            keys = _bySite[siteId];
        }
        if (wholeSite) { _bySite[siteId] = null; return; }
        if (keys is null) return; // the whole site is asked for already
        var key = new SiteJobKey(siteId, jobId, idempotencyKey);
        if (!keys.Any(k => k.JobId == key.JobId && k.IdempotencyKey == key.IdempotencyKey)) keys.Add(key);
    }

    public int SiteCount => _bySite.Count;

    public IReadOnlyList<string> Sites => _bySite.Keys.ToList();

    /// <summary>Null when every job of the site is wanted.</summary>
    public IReadOnlyList<SiteJobKey>? KeysOf(string siteId) => _bySite[siteId];

    public static bool Wanted(IReadOnlyList<SiteJobKey>? keys, SiteJobDto job) => keys is null || keys.Any(k => k.Matches(job));

    public static string Describe(SiteJobKey key) => key.JobId is not null ? $"'{key.JobId}'" : $"with idempotency key '{key.IdempotencyKey}'";
}
