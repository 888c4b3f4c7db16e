using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Tariffs;

public class DiffModel(TariffScheduleQueries queries) : PageModel
{
    // A long diff is shown in part; the JSON API always has all of it.
    public const int MaxRows = 500;

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public ScheduleDiffDto Diff { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string iso3, CancellationToken ct)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code) || From is null || To is null || From == To
            || await queries.DiffAsync(code, From.Value, To.Value, ct) is not { } diff)
        {
            return NotFound();
        }
        Diff = diff;
        return Page();
    }
}
