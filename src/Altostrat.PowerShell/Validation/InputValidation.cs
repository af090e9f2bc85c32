using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Altostrat.Engine.Contracts;
using Altostrat.Engine.Time;

namespace Altostrat.PowerShell.Validation;

/// <summary>Checks made before any request is sent, with messages that say what was wrong and how to fix it.</summary>
internal static class InputValidation
{
    /// <summary>
    /// The script text, from -Script or from the existing file at <paramref name="resolvedPath"/>; null with
    /// <paramref name="error"/> set when it is empty.
    /// </summary>
    public static string? ReadScript(string? script, string? resolvedPath, out string? error)
    {
        error = null;
        if (resolvedPath is not null) script = File.ReadAllText(resolvedPath);
        if (string.IsNullOrWhiteSpace(script))
        {
            error = resolvedPath is null
                ? "The script is empty. Pass RouterOS script text with -Script or a .rsc file with -Path. A script piped from New-AltoAiScript is empty when the service made none: its Error property says why."
                : $"The script file '{resolvedPath}' is empty.";
            return null;
        }
        return script;
    }

    /// <summary>The launch time in UTC; an error when it is not in the future.</summary>
    public static DateTimeOffset? LaunchTime(DateTime launchAt, DateTimeOffset now, out string? error)
    {
        var utc = ApiTimestamp.FromUserDateTime(launchAt);
        if (utc <= now)
        {
            error = $"LaunchAt {launchAt:u} is not in the future (it is now {now.ToLocalTime():u}). Give a later time, e.g. -LaunchAt (Get-Date).AddHours(1).";
            return null;
        }
        error = null;
        return utc;
    }

    public static string? PromptError(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return "The prompt is empty. Describe the change you want, e.g. 'block tcp port 23 on the input chain'.";
        if (prompt!.Length > AiScriptRequest.MaxPromptLength)
            return $"The prompt is {prompt.Length} characters long; the API takes at most {AiScriptRequest.MaxPromptLength}. Shorten it by {prompt.Length - AiScriptRequest.MaxPromptLength} character{(prompt.Length - AiScriptRequest.MaxPromptLength == 1 ? "" : "s")}.";
        return null;
    }

    public static string? NotifyUrlError(Uri? notifyUrl)
    {
        if (notifyUrl is null) return null;
        if (!notifyUrl.IsAbsoluteUri || notifyUrl.Scheme != Uri.UriSchemeHttps)
            return $"NotifyUrl '{notifyUrl}' is not an https URL. The API calls it back over HTTPS only, e.g. https://hooks.example.com/sdx.";
        return null;
    }

    /// <summary>Site ids without blanks and duplicates, in the order given.</summary>
    public static List<string> CleanIds(IEnumerable<string> ids) =>
        ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
