using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Agreements;

public class IndexModel(AgreementQueries queries, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? InForceOn { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is taken by Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }

    public IReadOnlyList<(string Iso3, string Name)> Parties { get; private set; } = [];
    public AgreementPageDto? Results { get; private set; }
    public InputError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        var parties = await db.Economies
            .Where(e => db.AgreementParticipations.Any(p => p.EconomyIso3 == e.Iso3))
            .ToListAsync(ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        Parties = parties.Select(e => (e.Iso3, e.Name(lang))).OrderBy(p => p.Item2, collation).ToList();

        int? page = int.TryParse(PageNumber, out var n) ? n : string.IsNullOrEmpty(PageNumber) ? null : 0;
        if (!new AgreementFilterInput(Party, Status, Type, InForceOn, Q, page, null).TryParse(out var filter, out var error))
        {
            Error = error;
        }
        else if (filter.Party is { } iso3 && !await db.Economies.AnyAsync(e => e.Iso3 == iso3, ct))
        {
            Error = new InputError("There is no economy with code {0}.", iso3);
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await queries.ListAsync(filter, ct);
        return Page();
    }

    // The current filter with another page number, for the pager links.
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["party"] = Party,
            ["status"] = Status,
            ["type"] = Type,
            ["inForceOn"] = InForceOn,
            ["q"] = Q,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"/{Languages.Current}/agreements", query.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
    }
}
