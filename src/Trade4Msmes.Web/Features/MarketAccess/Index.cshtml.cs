using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Notifications;
using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Web.Features.MarketAccess;

public class IndexModel(MarketAccessService service, MarketAccessQuery query, NotificationQueries notifications, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Product { get; set; }
    [BindProperty(SupportsGet = true)] public string? Origin { get; set; }
    [BindProperty(SupportsGet = true)] public string? Destination { get; set; }
    [BindProperty(SupportsGet = true)] public string? Value { get; set; }
    [BindProperty(SupportsGet = true)] public string? Currency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quantity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }

    public IReadOnlyList<(string Iso3, string Name)> Economies { get; private set; } = [];
    public IReadOnlyList<(string Iso3, string Name)> Markets { get; private set; } = [];
    public MarketAccessDto? Answer { get; private set; }
    public InputError? Error { get; private set; }

    // The SPS/TBT notifications of the market on this product, and how many are open for comment.
    public (int Total, int Open) Rules { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        Economies = await query.EconomyChoicesAsync(lang, ct);
        var withData = await db.TariffSchedules.Select(s => s.EconomyIso3).Distinct().ToListAsync(ct);
        Markets = Economies.Where(e => withData.Contains(e.Iso3)).ToList();
        if (Product is null && Origin is null && Destination is null)
        {
            return Page();
        }
        var input = new MarketAccessInput(Product, Origin, Destination, Value, Currency, Quantity, Unit, AsOf, Channel);
        if (!input.TryParse(MarketAccessEndpoints.Today(clock), System.Globalization.CultureInfo.CurrentCulture, out var parsed, out var error))
        {
            Error = error;
        }
        else if (await service.AnswerAsync(parsed, lang, ct) is { } answer)
        {
            Answer = answer;
            if (answer.Product is { } product)
            {
                var filter = new NotificationFilter([product.Code], [answer.TariffEconomy.Iso3], null, AlertKinds.All, false, answer.AsOf);
                var asOf = answer.AsOf;
                var counts = await notifications.Query(filter).GroupBy(_ => 1)
                    .Select(g => new { Total = g.Count(), Open = g.Count(n => n.CommentDeadline >= asOf) }).FirstOrDefaultAsync(ct);
                Rules = (counts?.Total ?? 0, counts?.Open ?? 0);
            }
        }
        else
        {
            // No answer: the economy lists already say which code is unknown, else it is the product.
            var unknown = new[] { parsed.Origin, parsed.Destination }.FirstOrDefault(c => !Economies.Any(e => e.Iso3 == c));
            Error = unknown is not null
                ? new InputError("There is no economy with code {0}.", unknown)
                : new InputError("There is no HS 2022 subheading {0}.", parsed.Hs6!);
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    // This question with another product, for the candidate links.
    public string WithProduct(string code) => QueryHelpers.AddQueryString($"/{Languages.Current}/markets",
        Query(("product", code)).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));

    public string CompareLink(string code) => QueryHelpers.AddQueryString($"/{Languages.Current}/markets/compare",
        new Dictionary<string, string?> { ["product"] = code, ["origin"] = Answer?.Origin.Iso3, ["asOf"] = AsOf }
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));

    Dictionary<string, string?> Query(params (string Key, string Value)[] overrides)
    {
        var query = new Dictionary<string, string?>
        {
            ["product"] = Product,
            ["origin"] = Origin,
            ["destination"] = Destination,
            ["value"] = Value,
            ["currency"] = Currency,
            ["quantity"] = Quantity,
            ["unit"] = Unit,
            ["asOf"] = AsOf,
            ["channel"] = Channel,
        };
        foreach (var (key, value) in overrides)
        {
            query[key] = value;
        }
        return query;
    }
}
