using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.Economies;

public class IndexModel(EconomyQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool? MsmeGroup { get; set; }
    [BindProperty(SupportsGet = true)] public bool? WtoMember { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public IReadOnlyList<RegionDto> Regions { get; private set; } = [];
    public bool Invalid { get; private set; }
    public IReadOnlyList<EconomySummaryDto> Economies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await queries.RegionsAsync(Languages.Current, ct);
        if (!ModelState.IsValid || Group is not (null or "" or "ldc" or "lldc" or "sids")
            || Region is { } r && !Regions.Any(x => x.Code == r))
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var group = string.IsNullOrEmpty(Group) ? null : Group;
        Economies = await queries.ListAsync(new EconomyFilter(Region, MsmeGroup, WtoMember, group), Languages.Current, ct);
        return Page();
    }
}
