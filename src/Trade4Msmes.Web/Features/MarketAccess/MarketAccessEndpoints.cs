using Microsoft.AspNetCore.Http.HttpResults;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.MarketAccess;

public static class MarketAccessEndpoints
{
    public static IEndpointRouteBuilder MapMarketAccess(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/market-access").WithTags("Market access").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", Answer)
            .WithSummary("What a destination charges on a product (HS 2022 subheading or words) from an origin: national lines, "
                + "MFN and preferential duties, quotas, de minimis rules and, with a value, an estimated duty and landed cost");
        group.MapGet("/compare", Compare)
            .WithSummary("For one product and origin, every destination with tariff data, sorted by best available duty");
        return app;
    }

    static async Task<Results<Ok<MarketAccessDto>, ProblemHttpResult>> Answer(
        MarketAccessService service, TimeProvider clock, CancellationToken ct,
        string? product = null, string? origin = null, string? destination = null, string? value = null, string? currency = null,
        string? quantity = null, string? unit = null, string? asOf = null, string? channel = null, string lang = Languages.Default)
    {
        var input = new MarketAccessInput(product, origin, destination, value, currency, quantity, unit, asOf, channel);
        if (!input.TryParse(Today(clock), System.Globalization.CultureInfo.InvariantCulture, out var parsed, out var error))
        {
            return ApiProblems.BadRequest("Invalid market access question", error!.Format());
        }
        return await service.AnswerAsync(parsed, Languages.IsSupported(lang) ? lang : Languages.Default, ct) is { } answer
            ? TypedResults.Ok(answer)
            : ApiProblems.NotFound(NotFound(parsed));
    }

    static async Task<Results<Ok<MarketComparisonDto>, ProblemHttpResult>> Compare(
        MarketComparison comparison, TimeProvider clock, CancellationToken ct,
        string? product = null, string? origin = null, string? asOf = null, string lang = Languages.Default)
    {
        var input = MarketAccessInput.ForComparison(product, origin, asOf);
        if (!input.TryParse(Today(clock), System.Globalization.CultureInfo.InvariantCulture, out var parsed, out var error))
        {
            return ApiProblems.BadRequest("Invalid comparison", error!.Format());
        }
        if (parsed.Hs6 is null)
        {
            return ApiProblems.BadRequest("Invalid comparison", "Give the product as a 6-digit HS subheading, such as 090121.");
        }
        return await comparison.CompareAsync(parsed.Hs6, parsed.Origin, parsed.AsOf, Languages.IsSupported(lang) ? lang : Languages.Default, ct) is { } result
            ? TypedResults.Ok(result)
            : ApiProblems.NotFound(NotFound(parsed));
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    static string NotFound(ParsedMarketAccessInput input) =>
        input.Hs6 is { } hs6
            ? $"No HS 2022 subheading {hs6}, or no economy {input.Origin} or {input.Destination}."
            : $"No economy {input.Origin} or {input.Destination}.";
}
