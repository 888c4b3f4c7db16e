using Microsoft.AspNetCore.Http.HttpResults;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Economies;

public static class EconomyEndpoints
{
    public static IEndpointRouteBuilder MapEconomies(this IEndpointRouteBuilder app)
    {
        var economies = app.MapGroup("/api/v1/economies").WithTags("Economies").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        economies.MapGet("", List).WithSummary("Every ISO 3166 economy and the European Union, with filters");
        economies.MapGet("/{iso3}", Show).WithSummary("One economy: names, UN region, development groups, WTO and MSME Group membership, trade agreements");
        return app;
    }

    static async Task<Results<Ok<IReadOnlyList<EconomySummaryDto>>, ProblemHttpResult>> List(
        EconomyQueries queries, CancellationToken ct, string lang = Languages.Default,
        int? region = null, bool? msmeGroup = null, bool? wtoMember = null, string? group = null)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (group is not (null or "ldc" or "lldc" or "sids"))
        {
            return ApiProblems.BadRequest("Unknown group", "group must be ldc, lldc or sids.");
        }
        return TypedResults.Ok(await queries.ListAsync(new EconomyFilter(region, msmeGroup, wtoMember, group), lang, ct));
    }

    static async Task<Results<Ok<EconomyDto>, ProblemHttpResult>> Show(
        string iso3, EconomyQueries queries, CancellationToken ct, string lang = Languages.Default)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code))
        {
            return ApiProblems.BadRequest("Not an economy code", $"'{iso3}' is not an ISO 3166-1 alpha-3 code: use three letters, such as KEN.");
        }
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        return await queries.EconomyAsync(code, lang, ct) is { } economy
            ? TypedResults.Ok(economy)
            : ApiProblems.NotFound($"There is no economy with code {code}.");
    }
}
