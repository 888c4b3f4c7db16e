namespace Trade4Msmes.Web.Features.Library;

public sealed record LibraryRecordDto(
    string Id, string Title, string Summary, string Url, string Organisation, string Type, string Audience,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Regions, IReadOnlyList<string> Languages, DateOnly? Checked, bool Translated);

public sealed record LibrarySearchResult(int Total, IReadOnlyList<LibraryRecordDto> Results, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

public static class LibraryEndpoints
{
    public static IEndpointRouteBuilder MapLibrary(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/library", Search).WithTags("Resource library")
            .WithSummary("The curated resource library: guides, tools, databases, reports, courses and videos for MSMEs and policymakers. "
                + "Filters: q (words in the title, summary or organisation), topic, audience (business, policy, both), type, available "
                + "(a language the resource itself is in, e.g. fr), region (world, a continent or an ISO3 code). lang: the language of "
                + "titles and summaries. Each facet is counted with the other filters applied.")
            .Produces<LibrarySearchResult>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    static IResult Search(
        LibraryCatalog catalog, string? q = null, string? topic = null, string? audience = null, string? type = null,
        string? available = null, string? region = null, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        var (filter, problem) = new LibraryInput(q, topic, audience, type, available, region).Parse();
        if (problem is not null)
        {
            return ApiProblems.BadRequest("Invalid library search", problem.Format());
        }
        var answer = catalog.Search(filter!, lang);
        return TypedResults.Ok(new LibrarySearchResult(answer.Records.Count, answer.Records.Select(r => Dto(r, lang)).ToList(), answer.Facets));
    }

    public static LibraryRecordDto Dto(LibraryRecord r, string lang) =>
        new(r.Id, r.In(lang).Title, r.In(lang).Summary, r.Url, r.Organisation, r.Type, r.Audience, r.Topics, r.Regions, r.Languages, r.Checked, r.IsTranslated(lang));
}
