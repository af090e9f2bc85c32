using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// Ratings of scripts rated before, by their text. A fleet that applies one document plans the same lines on every
/// router (an addition, and a set or removal that finds its entry by key, read alike everywhere), and rating each of
/// them again on every router was most of what the risk gate cost a fleet run. A rating depends on nothing but the
/// text, so the one remembered is the one a new analysis would give.
/// </summary>
/// <remarks>
/// One per command (a cmdlet invocation): its routers share it, and it goes with the command, so no script text, and
/// none of the values a line may carry, outlives it. Only ratings without destructive commands are kept: those are
/// the common case, and a destructive rating holds the commands it shows, which hold the text of the whole plan they
/// were analysed in. When full, it starts over.
/// </remarks>
public sealed class ScriptRatingCache
{
    private readonly ConcurrentDictionary<string, ScriptRating> _ratings = new(StringComparer.Ordinal);
    private readonly int _capacity;
    // Counted here: ConcurrentDictionary.Count takes every lock of the table.
    private int _count;
    private long _analyzed;

    public ScriptRatingCache(int capacity = DefaultCapacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A cache holds at least one rating.");
        _capacity = capacity;
    }

    /// <summary>Room for the lines of many different plans, for a command's routers to share.</summary>
    public const int DefaultCapacity = 16384;

    /// <summary>How many scripts were analysed, rather than found: what the cache could not spare.</summary>
    public long AnalyzedCount => Interlocked.Read(ref _analyzed);

    /// <summary>As <see cref="ScriptAnalyzer.RateEach"/>, analysing only the scripts not rated before.</summary>
    public ScriptRating[] RateEach(IReadOnlyList<string> scripts)
    {
        if (scripts is null) throw new ArgumentNullException(nameof(scripts));
        var ratings = new ScriptRating[scripts.Count];
        List<int>? unknown = null;
        for (var i = 0; i < ratings.Length; i++)
        {
            var script = scripts[i];
            if (script is null || !_ratings.TryGetValue(script, out ratings[i]!)) (unknown ??= new List<int>()).Add(i);
        }
        if (unknown is null) return ratings;

        var texts = new string[unknown.Count];
        for (var k = 0; k < texts.Length; k++) texts[k] = scripts[unknown[k]];
        var fresh = ScriptAnalyzer.RateEach(texts);
        Interlocked.Add(ref _analyzed, texts.Length);
        for (var k = 0; k < texts.Length; k++)
        {
            ratings[unknown[k]] = fresh[k];
            if (texts[k] is not null && !fresh[k].IsDestructive) Remember(texts[k], fresh[k]);
        }
        return ratings;
    }

    private void Remember(string script, ScriptRating rating)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            // Rarely reached, and cheaper than tracking which rating was used last; racing adds only make it start over twice.
            _ratings.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        // Counted only when added: routers that miss the same line at once add it once.
        if (_ratings.TryAdd(script, rating)) Interlocked.Increment(ref _count);
    }
}
