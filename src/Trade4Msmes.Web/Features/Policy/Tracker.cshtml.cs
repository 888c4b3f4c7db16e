using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Agreements;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Policy;

// The summary (/policy/tracker) and one page per annex (/policy/tracker/3).
public class TrackerModel(PackageTracker tracker, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "msmeGroup")] public bool MsmeGroupOnly { get; set; }

    public int? Annex { get; private set; }
    public PackageTrackerDto? Tracker { get; private set; }
    public IReadOnlyList<(int Code, string Name)> Regions { get; private set; } = [];
    public InputError? Error { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? annex, CancellationToken ct)
    {
        if (annex is not null && PackageTracker.Annexes.All(a => a.Annex != annex))
        {
            ErrorModel.SetDetail(HttpContext, localizer["The December 2020 package has six annexes, numbered 1 to 6."]);
            return NotFound();
        }
        Annex = annex;
        var lang = Languages.Current;
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        Regions = (await db.Regions.Where(r => r.ParentCode == null || r.ParentCode == 1).ToListAsync(ct))
            .Where(r => r.Code != 1).Select(r => (r.Code, r.Name(lang))).OrderBy(r => r.Item2, collation).ToList();
        var (region, error) = await PackageTrackerInput.RegionAsync(db, Region, ct);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Tracker = await tracker.BuildAsync(region, MsmeGroupOnly, Today, lang, ct);
        return Page();
    }

    // The same filters on another tracker page or on the CSV export.
    public string Link(string path, params (string Name, string Value)[] more) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["region"] = Region,
        ["msmeGroup"] = MsmeGroupOnly ? "true" : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)).Concat(more.Select(m => KeyValuePair.Create(m.Name, (string?)m.Value))));
}
