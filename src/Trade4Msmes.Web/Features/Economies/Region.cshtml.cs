using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Errors;
using Trade4Msmes.Web.Features.Library;
using Trade4Msmes.Web.Features.Policy;

namespace Trade4Msmes.Web.Features.Economies;

// A UN M49 region (a continent): its economies, what the policy databases hold about them, the tariff schedules
// this platform has for them, and the library's resources for the region.
public class RegionModel(EconomyQueries queries, AppDbContext db, PolicySearch policy, LibraryCatalog library, IStringLocalizer<SharedResource> l) : PageModel
{
    // The library tags resources with the continent's English name.
    static readonly Dictionary<int, string> LibraryRegions = new() { [2] = "Africa", [19] = "Americas", [142] = "Asia", [150] = "Europe", [9] = "Oceania" };

    public RegionDto Region { get; private set; } = null!;
    public IReadOnlyList<EconomySummaryDto> Economies { get; private set; } = [];
    public IReadOnlyList<PolicyFacetValue> PolicyEntries { get; private set; } = [];
    public IReadOnlyList<(string Iso3, string Title, DateOnly ValidFrom)> Schedules { get; private set; } = [];
    public IReadOnlyList<LibraryRecord> Resources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int code, CancellationToken ct)
    {
        if ((await queries.RegionsAsync(Languages.Current, ct)).FirstOrDefault(r => r.Code == code) is not { } region)
        {
            ErrorModel.SetDetail(HttpContext, l["There is no region with code {0}.", code]);
            return NotFound();
        }
        Region = region;
        Economies = await queries.ListAsync(new EconomyFilter(Region: code), Languages.Current, ct);
        PolicyEntries = (await policy.SearchAsync(new PolicyFilter(Region: code), 0, 0, Languages.Current, ct)).Facets.Databases;
        var members = Economies.Select(e => e.Iso3).ToList();
        Schedules = (await db.TariffSchedules.AsNoTracking().Where(s => members.Contains(s.EconomyIso3))
                .Select(s => new { s.EconomyIso3, s.Title, s.ValidFrom, s.Version }).ToListAsync(ct))
            .GroupBy(s => s.EconomyIso3).Select(g => g.MaxBy(s => s.Version)!).Select(s => (s.EconomyIso3, s.Title, s.ValidFrom)).ToList();
        Resources = LibraryRegions.TryGetValue(code, out var name) ? library.Search(new LibraryFilter(Region: name), Languages.Current).Records : [];
        return Page();
    }
}
