using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Notifications;

// The query string of a notification search, shared by the API and the search page.
public static class NotificationSearchInput
{
    public static async Task<(NotificationFilter? Filter, string? Problem)> ParseAsync(
        AppDbContext db, string? hs, string? member, string? domain, string? q, bool openForComment, DateOnly asOf, CancellationToken ct)
    {
        var products = new List<string>();
        if (!string.IsNullOrWhiteSpace(hs))
        {
            var code = hs.Trim().Replace(".", "", StringComparison.Ordinal);
            if (code.Length is not (2 or 4 or 6) || !code.All(char.IsAsciiDigit))
            {
                return (null, $"hs must be an HS chapter, heading or subheading of 2, 4 or 6 digits, not \"{hs}\".");
            }
            products.Add(code);
        }
        var members = new List<string>();
        if (!string.IsNullOrWhiteSpace(member))
        {
            if (!EconomyCode.TryNormalize(member.Trim(), out var iso3) || !await db.Economies.AnyAsync(e => e.Iso3 == iso3, ct))
            {
                return (null, $"member must be the ISO3 code of an economy (EUN for the European Union), not \"{member}\".");
            }
            members.Add(iso3);
        }
        var domains = domain?.Trim().ToUpperInvariant() switch
        {
            null or "" => AlertKinds.Sps | AlertKinds.Tbt,
            "SPS" => AlertKinds.Sps,
            "TBT" => AlertKinds.Tbt,
            _ => AlertKinds.None,
        };
        if (domains == AlertKinds.None)
        {
            return (null, $"domain must be SPS or TBT, not \"{domain}\".");
        }
        if (q?.Length > 200)
        {
            return (null, "q may be at most 200 characters.");
        }
        return (new NotificationFilter(products, members, q, domains, openForComment, asOf), null);
    }
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").CacheOutput(PublishedDataCache.Policy).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("", Search).WithSummary(
            "SPS and TBT notifications, newest first (nearest comment deadline first with openForComment=true), filtered by product "
            + "(hs: 2, 4 or 6 digits, matched up and down the HS tree), notifying member (ISO3), domain (SPS|TBT) and words (q)");
        group.MapGet("/{**symbol}", Show).WithSummary("One notification by its document symbol, e.g. G/TBT/N/USA/1234/Add.1")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    static async Task<Results<Ok<NotificationPageDto>, ProblemHttpResult>> Search(
        AppDbContext db, NotificationQueries queries, TimeProvider clock, CancellationToken ct,
        string? hs = null, string? member = null, string? domain = null, string? q = null, bool openForComment = false,
        DateOnly? asOf = null, int offset = 0, int limit = 20, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (offset < 0 || limit is < 1 or > NotificationQueries.MaxLimit)
        {
            return ApiProblems.BadRequest("Invalid page", $"offset must be 0 or more and limit between 1 and {NotificationQueries.MaxLimit}.");
        }
        var date = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (filter, problem) = await NotificationSearchInput.ParseAsync(db, hs, member, domain, q, openForComment, date, ct);
        return filter is null
            ? ApiProblems.BadRequest("Invalid search", problem!)
            : TypedResults.Ok(await queries.SearchAsync(filter, offset, limit, lang, ct));
    }

    static async Task<Results<Ok<NotificationDto>, ProblemHttpResult>> Show(
        string symbol, NotificationQueries queries, TimeProvider clock, CancellationToken ct, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (!Importing.NotificationSymbol.TryParse(symbol, out var parsed))
        {
            return ApiProblems.BadRequest("Invalid symbol", $"\"{symbol}\" is not an SPS or TBT notification symbol such as G/TBT/N/USA/1234.");
        }
        return await queries.FindAsync(parsed.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), lang, ct) is { } notification
            ? TypedResults.Ok(notification)
            : ApiProblems.NotFound($"No notification {parsed.Value} is recorded.");
    }
}
