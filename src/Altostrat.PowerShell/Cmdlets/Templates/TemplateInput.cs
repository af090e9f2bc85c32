using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Sdx;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.Templates;

/// <summary>What New- and Set-AltoScriptTemplate check before sending: the content source and the API's length limits.</summary>
internal static class TemplateInput
{
    /// <summary>The text of the .rsc at <paramref name="resolvedPath"/>; null with <paramref name="error"/> when unusable.</summary>
    public static string? ReadFile(string resolvedPath, out string? error)
    {
        error = InputFile.Problem(resolvedPath, "script file", "a .rsc file", ", or pass the text with -Content", out _);
        if (error is not null) return null;
        var text = File.ReadAllText(resolvedPath);
        if (string.IsNullOrWhiteSpace(text)) error = $"The script file '{resolvedPath}' is empty.";
        return error is null ? text : null;
    }

    /// <summary>One error per field that breaks the API's limits (an empty field is not a long one); none when the request is fine.</summary>
    public static List<ErrorRecord> LimitErrors(TemplateWriteRequest request, object? target) => request.LimitErrors()
        .Select(e => SdxErrors.InvalidArgument(e.IsEmpty ? ErrorIds.Sdx.TemplateFieldEmpty : ErrorIds.Sdx.TemplateTooLong, e.Message, target))
        .ToList();

    public static IDictionary<string, object?>? Metadata(Hashtable? metadata) =>
        metadata is null ? null : Sdx.SdxMapper.ToPlain(metadata);
}
