using System.Collections.Generic;

namespace Altostrat.Engine.Contracts;

/// <summary>The body of POST /scripts/templates and PUT /templates/{id}: every field, as the API requires.</summary>
public sealed class TemplateWriteRequest
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Content { get; set; } = "";

    /// <summary>Plain values only (see <see cref="Serialization.PlainJson"/>); null sends an empty object.</summary>
    public IDictionary<string, object?>? Metadata { get; set; }

    /// <summary>What breaks the API's limits, one sentence per field, and whether the field is empty (rather than too long); empty when the request is fine.</summary>
    public List<(string Message, bool IsEmpty)> LimitErrors()
    {
        var errors = new List<(string, bool)>();
        void Check(string field, string value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(($"The {field} is empty; the API requires one.", true));
            else if (value.Length > max) errors.Add(($"The {field} has {value.Length} characters; the API takes at most {max} (remove {value.Length - max}).", false));
        }
        Check("name", Name, TemplateDto.MaxName);
        Check("description", Description, TemplateDto.MaxDescription);
        Check("content", Content, TemplateDto.MaxContent);
        return errors;
    }
}
