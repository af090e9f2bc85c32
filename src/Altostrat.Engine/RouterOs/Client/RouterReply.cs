using System.Collections.Generic;
using Altostrat.Engine.RouterOs.Protocol;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>Everything a finished command returned: its <c>!re</c> rows and the <c>=ret=</c> of its <c>!done</c>.</summary>
public sealed class RouterReply
{
    public RouterReply(IReadOnlyList<RouterSentence> rows, string? ret)
    {
        Rows = rows;
        Ret = ret;
    }

    public IReadOnlyList<RouterSentence> Rows { get; }

    /// <summary>The id of an added item, or a command's return value; null when the router sent none.</summary>
    public string? Ret { get; }
}
