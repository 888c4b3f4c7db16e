using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Web.Features.MarketAccess;

public class CompareModel(MarketComparison comparison, MarketAccessQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Product { get; set; }
    [BindProperty(SupportsGet = true)] public string? Origin { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public IReadOnlyList<(string Iso3, string Name)> Economies { get; private set; } = [];
    public MarketComparisonDto? Result { get; private set; }
    public InputError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        Economies = await query.EconomyChoicesAsync(lang, ct);
        if (Product is null && Origin is null)
        {
            return Page();
        }
        var input = MarketAccessInput.ForComparison(Product, Origin, AsOf);
        if (!input.TryParse(MarketAccessEndpoints.Today(clock), System.Globalization.CultureInfo.CurrentCulture, out var parsed, out var error))
        {
            Error = error;
        }
        else if (parsed.Hs6 is null)
        {
            Error = new InputError("Give the product as a 6-digit HS subheading, such as 090121.");
        }
        else
        {
            Result = await comparison.CompareAsync(parsed.Hs6, parsed.Origin, parsed.AsOf, lang, ct);
            Error = Result is null ? new InputError("There is no HS 2022 subheading {0}.", parsed.Hs6) : null;
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
