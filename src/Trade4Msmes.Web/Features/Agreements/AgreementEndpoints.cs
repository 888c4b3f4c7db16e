using Microsoft.AspNetCore.Http.HttpResults;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Agreements;

public static class AgreementEndpoints
{
    public static IEndpointRouteBuilder MapAgreements(this IEndpointRouteBuilder app)
    {
        var agreements = app.MapGroup("/api/v1/agreements").WithTags("Trade agreements").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        agreements.MapGet("", List)
            .WithSummary("Regional trade agreements, filtered by party (ISO3, including membership of the EU and other blocs), status, type and a date in force");
        agreements.MapGet("/{rtaId:int}", Show).WithSummary("One agreement with its parties as listed and the economies they bind");
        return app;
    }

    static async Task<Results<Ok<AgreementPageDto>, ProblemHttpResult>> List(
        AgreementQueries queries, AppDbContext db, CancellationToken ct,
        string? party = null, string? status = null, string? type = null, string? inForceOn = null, string? q = null,
        int? page = null, int? pageSize = null)
    {
        if (!new AgreementFilterInput(party, status, type, inForceOn, q, page, pageSize).TryParse(out var filter, out var error))
        {
            return ApiProblems.BadRequest("Invalid filter", error!.Format());
        }
        if (filter.Party is { } iso3 && !db.Economies.Any(e => e.Iso3 == iso3))
        {
            return ApiProblems.NotFound($"There is no economy with code {iso3}.");
        }
        return TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    static async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> Show(
        int rtaId, AgreementQueries queries, CancellationToken ct, string lang = Languages.Default) =>
        await queries.AgreementAsync(rtaId, Languages.IsSupported(lang) ? lang : Languages.Default, ct) is { } agreement
            ? TypedResults.Ok(agreement)
            : ApiProblems.NotFound($"There is no agreement with RTA ID {rtaId}.");
}
