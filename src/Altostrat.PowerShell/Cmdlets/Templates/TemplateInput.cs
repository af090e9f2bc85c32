using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Cmdlets.Templates;

/// <summary>What New- and Set-AltoScriptTemplate check before sending: the content source and the API's length limits.</summary>
internal static class TemplateInput
{
    /// <summary>The text of the .rsc at <paramref name="resolvedPath"/>; null with <paramref name="error"/> when unusable.</summary>
    public static string? ReadFile(string resolvedPath, out string? error)
    {
        error = null;
        if (!File.Exists(resolvedPath))
        {
            error = $"The script file '{resolvedPath}' does not exist. Give the path of a .rsc file, or pass the text with -Content.";
            return null;
        }
        var text = File.ReadAllText(resolvedPath);
        if (string.IsNullOrWhiteSpace(text)) error = $"The script file '{resolvedPath}' is empty.";
        return error is null ? text : null;
    }

    /// <summary>What breaks the API's limits, and the error id: an empty field is not a long one.</summary>
    public static string? LimitError(TemplateWriteRequest request, out string errorId)
    {
        var errors = request.LimitErrors();
        errorId = new[] { request.Name, request.Description, request.Content }.Any(string.IsNullOrWhiteSpace)
            ? ErrorIds.Sdx.TemplateFieldEmpty
            : ErrorIds.Sdx.TemplateTooLong;
        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    public static IDictionary<string, object?>? Metadata(Hashtable? metadata) =>
        metadata is null ? null : Sdx.SdxMapper.ToPlain(metadata);
}
