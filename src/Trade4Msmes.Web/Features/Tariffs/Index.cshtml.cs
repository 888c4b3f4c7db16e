using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.Tariffs;

public class IndexModel(TariffScheduleQueries queries) : PageModel
{
    public IReadOnlyList<(string Iso3, string Name, int Versions)> Economies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Economies = await queries.EconomiesAsync(Languages.Current, ct);
}
