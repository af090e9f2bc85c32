using System;
using System.Collections.Generic;

namespace Altostrat.Engine.Text;

/// <summary>The known name a misspelled one was most likely meant to be, for "did you mean" hints.</summary>
internal static class SpellingSuggestion
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/> (ignoring case) when it is close enough to be a typing slip:
    /// at most two edits, and fewer than half the word's letters; null otherwise.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Min(2, (word.Length - 1) / 2);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) continue;
            if (Math.Abs(candidate.Length - word.Length) > bestDistance) continue;
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance > bestDistance || (distance == bestDistance && best is not null)) continue;
            best = candidate;
            bestDistance = distance;
        }
        return best;
    }

    // Edits between the two (insert, delete, replace, or swap two neighbours), one row of the table at a time.
    private static int Distance(string a, string b)
    {
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = Math.Min(current[j], before[j - 2] + 1);
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
