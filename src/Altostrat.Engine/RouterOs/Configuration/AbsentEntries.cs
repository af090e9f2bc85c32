namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>What to do with router entries of a list menu that the document does not name.</summary>
public enum AbsentEntries
{
    /// <summary>Leave them alone: the document manages only the entries it names.</summary>
    Ignore,

    /// <summary>Remove them (never dynamic, built-in or default entries): the document is the whole list.</summary>
    Remove,
}
