using System.Collections.Generic;

namespace Altostrat.Engine.Contracts;

/// <summary>One page of the older paged template list: <c>{data, links, meta}</c>.</summary>
public sealed class TemplatePageDto
{
    public List<TemplateDto> Data { get; set; } = new();
    public PageLinksDto? Links { get; set; }
}

public sealed class PageLinksDto
{
    public string? Next { get; set; }
}
