using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Errors;
using Trade4Msmes.Web.Features.Library;
using Trade4Msmes.Web.Features.MarketAccess;
using Trade4Msmes.Web.Features.Policy;
using Trade4Msmes.Web.Features.Submissions;

namespace Trade4Msmes.Web.Features.Economies;

public class ShowModel(
    EconomyQueries queries, SubmissionWorkflow submissions, PolicySearch policy, AppDbContext db, MarketAccessQuery markets,
    LibraryCatalog library, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public EconomyDto Economy { get; private set; } = null!;

    // Published by the economy's officials through the review workflow.
    public IReadOnlyList<Dictionary<string, string>> ContactPoints { get; private set; } = [];

    // How many entries of each policy database concern the economy (its own, or agreements it is a party to).
    public IReadOnlyList<PolicyFacetValue> PolicyEntries { get; private set; } = [];

    // The customs territory whose tariff applies here (an EU member's is the EU's), its latest schedule in force and
    // its de minimis rules: what the market-access answer for this destination is built from.
    public string CustomsTerritory { get; private set; } = "";
    public TariffSchedule? Schedule { get; private set; }
    public IReadOnlyList<DeMinimisRule> DeMinimis { get; private set; } = [];

    // Library resources about this economy in particular.
    public IReadOnlyList<LibraryRecord> Resources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string iso3, CancellationToken ct)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code))
        {
            ErrorModel.SetDetail(HttpContext, localizer["“{0}” is not an economy code: use three letters, such as KEN or FRA.", iso3]);
            return BadRequest();
        }
        if (code != iso3)
        {
            return RedirectPermanent($"/{Languages.Current}/economies/{code}");
        }
        if (await queries.EconomyAsync(code, Languages.Current, ct) is not { } economy)
        {
            ErrorModel.SetDetail(HttpContext, localizer["There is no economy with code {0}.", code]);
            return NotFound();
        }
        Economy = economy;
        ContactPoints = await submissions.PublishedAsync(SubmissionKind.ContactPoint.Key, code, ct);
        PolicyEntries = (await policy.SearchAsync(new PolicyFilter(Economy: code), 0, 0, Languages.Current, ct)).Facets.Databases;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        CustomsTerritory = await markets.CustomsTerritoryAsync(code, today, ct);
        Schedule = await db.TariffSchedules.AsNoTracking().Where(s => s.EconomyIso3 == CustomsTerritory && s.ValidFrom <= today)
            .OrderByDescending(s => s.ValidFrom).ThenByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        DeMinimis = await markets.DeMinimisInForceAsync(CustomsTerritory, today, ct);
        Resources = library.Search(new LibraryFilter(Region: code), Languages.Current).Records;
        return Page();
    }
}
