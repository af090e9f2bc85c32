using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Altostrat.Engine.RouterOs.Protocol;

/// <summary>
/// One sentence as read off the wire, already split by word kind: the first word (a command such as
/// <c>/ip/address/print</c> or a reply type such as <c>!re</c>), the <c>.tag</c>, the <c>=name=value</c> attributes in
/// order, the <c>?</c> query words, and any other word.
/// </summary>
public sealed class RouterSentence
{
    private static readonly KeyValuePair<string, string>[] NoAttributes = Array.Empty<KeyValuePair<string, string>>();
    private static readonly string[] NoWords = Array.Empty<string>();

    /// <summary>The bytes that open a tag word on the wire: <c>.tag=</c>.</summary>
    internal static readonly byte[] TagPrefix = Encoding.ASCII.GetBytes(".tag=");

    private string? _tag;

    /// <param name="tag">The tag as text, or null when there is none or when <paramref name="tagNumber"/> gives it.</param>
    /// <param name="tagNumber">A tag written as a plain number (all the engine sends), or -1.</param>
    internal RouterSentence(string command, string? tag, int tagNumber, IReadOnlyList<KeyValuePair<string, string>>? attributes,
        IReadOnlyList<string>? queries, IReadOnlyList<string>? otherWords)
    {
        Command = command;
        _tag = tag;
        TagNumber = tag is null ? tagNumber : -1;
        Attributes = attributes ?? NoAttributes;
        Queries = queries ?? NoWords;
        OtherWords = otherWords ?? NoWords;
    }

    /// <summary>The first word: the command path of a request, or <c>!re</c>, <c>!done</c>, <c>!trap</c>, <c>!fatal</c>, <c>!empty</c> in a reply.</summary>
    public string Command { get; }

    public string? Tag => _tag ??= TagNumber >= 0 ? TagNumber.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The tag when it is a plain number (digits, no leading zero, below a billion), else -1: the connection finds a
    /// reply's command by it without making a string of every reply's tag.
    /// </summary>
    internal int TagNumber { get; }

    /// <summary>The <c>=name=value</c> words in the order they came; a value may be empty and may contain <c>=</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary>The query words, each still starting with <c>?</c>, in order (the order is significant).</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>Words of no known kind. <c>!fatal</c> carries its reason as such a word.</summary>
    public IReadOnlyList<string> OtherWords { get; }

    /// <summary>The value of the first attribute named <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var attribute in Attributes)
                if (string.Equals(attribute.Key, name, StringComparison.Ordinal)) return attribute.Value;
            return null;
        }
    }
}
