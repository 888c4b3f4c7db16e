using Microsoft.AspNetCore.Http.HttpResults;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Nomenclature;

public static class HsEndpoints
{
    public static IEndpointRouteBuilder MapHs(this IEndpointRouteBuilder app)
    {
        var hs = app.MapGroup("/api/v1/hs").WithTags("Harmonized System").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        hs.MapGet("/sections", Sections).WithSummary("The 21 sections of an HS edition");
        hs.MapGet("/sections/{number}", Section).WithSummary("A section with its chapters");
        hs.MapGet("/{code}", Node).WithSummary("A chapter (2 digits), heading (4) or subheading (6) with its children");
        return app;
    }

    static async Task<Results<Ok<IReadOnlyList<HsSectionDto>>, ProblemHttpResult>> Sections(
        HsQueries queries, CancellationToken ct, int edition = HsEdition.Current) =>
        HsEdition.IsKnown(edition)
            ? TypedResults.Ok(await queries.SectionsAsync(edition, ct))
            : UnknownEdition(edition);

    static async Task<Results<Ok<HsSectionPageDto>, ProblemHttpResult>> Section(
        string number, HsQueries queries, CancellationToken ct, int edition = HsEdition.Current)
    {
        if (!HsEdition.IsKnown(edition))
        {
            return UnknownEdition(edition);
        }
        return await queries.SectionAsync(edition, number.ToUpperInvariant(), ct) is { } section
            ? TypedResults.Ok(section)
            : ApiProblems.NotFound($"HS {edition} has no section '{number}'. Sections are numbered I to XXI.");
    }

    static async Task<Results<Ok<HsNodeDto>, ProblemHttpResult>> Node(
        string code, HsQueries queries, CancellationToken ct, int edition = HsEdition.Current)
    {
        if (!HsEdition.IsKnown(edition))
        {
            return UnknownEdition(edition);
        }
        if (!HsCodeFormat.TryNormalize(code, out var normalized))
        {
            return ApiProblems.BadRequest("Not an HS code", $"'{code}' is not an HS code: give 2 digits (chapter), 4 (heading) or 6 (subheading), such as 0901 or 090121.");
        }
        return await queries.NodeAsync(edition, normalized, int.MaxValue, ct) is { } node
            ? TypedResults.Ok(node)
            : ApiProblems.NotFound($"HS {edition} has no code {normalized}.");
    }

    static ProblemHttpResult UnknownEdition(int edition) => ApiProblems.BadRequest(
        "Unknown HS edition",
        $"Edition {edition} is not available; use {HsEdition.Current} or {HsEdition.Previous}.");
}
