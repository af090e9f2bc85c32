using System.Collections.Generic;
using System.Linq;
using Altostrat.Engine.RouterOs.Scripting;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>The changes that bring a router to a document, in the order they run; empty when the router already matches.</summary>
public sealed class ConfigurationPlan
{
    internal ConfigurationPlan(IReadOnlyList<ConfigurationChange> changes, IReadOnlyList<string> notes)
    {
        Changes = changes;
        Notes = notes;
    }

    /// <summary>In execution order: by <see cref="ChangePhase"/>, then document order within a phase.</summary>
    public IReadOnlyList<ConfigurationChange> Changes { get; }

    /// <summary>Things the planner left alone and a person should know about (an entry that matches only a dynamic one, an interface the router lacks).</summary>
    public IReadOnlyList<string> Notes { get; }

    public bool IsEmpty => Changes.Count == 0;

    /// <summary>The whole plan as a CLI script, for the risk gate or for a person to read.</summary>
    public string Script => string.Join("\n", Changes.Select(c => c.Script));

    /// <summary>
    /// The risk gate's rating of each change's script, in the order of <see cref="Changes"/> (see
    /// <see cref="ScriptAnalyzer.RateEach"/>), also kept as each change's <see cref="ConfigurationChange.Rating"/>.
    /// </summary>
    /// <param name="ratedBefore">Lines rated for other routers' plans, which are not analysed again; null analyses every line.</param>
    public ScriptRating[] Rate(ScriptRatingCache? ratedBefore = null)
    {
        var scripts = Changes.Select(c => c.Script).ToList();
        var ratings = ratedBefore is null ? ScriptAnalyzer.RateEach(scripts) : ratedBefore.RateEach(scripts);
        for (var i = 0; i < ratings.Length; i++) Changes[i].Rating = ratings[i];
        return ratings;
    }
}
