using Microsoft.AspNetCore.Http.HttpResults;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.ProductFinder;

public static class FinderEndpoints
{
    public static IEndpointRouteBuilder MapProductFinder(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/hs/search", Search)
            .WithTags("Harmonized System")
            .CacheOutput(PublishedDataCache.Policy)
            .WithSummary("HS 2022 subheadings for a plain-language product description (en, fr, es), best first, with a clarifying question when the description is too vague")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    static async Task<Results<Ok<FinderAnswerDto>, ProblemHttpResult>> Search(
        FinderQuery finder, CancellationToken ct, string? q = null, string lang = Languages.Default, int limit = 5)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (FinderQuery.Problem(q, limit) is { } problem)
        {
            return ApiProblems.BadRequest("Invalid search", problem);
        }
        return TypedResults.Ok(await finder.AskAsync(q!.Trim(), lang, limit, ct));
    }
}
