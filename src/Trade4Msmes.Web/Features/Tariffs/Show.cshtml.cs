using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Tariffs;

public class ShowModel(TariffScheduleQueries queries) : PageModel
{
    public EconomySchedulesDto Schedules { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string iso3, CancellationToken ct)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code) || await queries.VersionsAsync(code, Languages.Current, ct) is not { } schedules)
        {
            return NotFound();
        }
        Schedules = schedules;
        return Page();
    }
}
