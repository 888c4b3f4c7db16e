using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Nomenclature;

public class IndexModel(HsQueries queries) : PageModel
{
    public int Edition { get; private set; }
    public IReadOnlyList<HsSectionDto> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? edition, CancellationToken ct)
    {
        Edition = edition ?? HsEdition.Current;
        if (!HsEdition.IsKnown(Edition))
        {
            return NotFound();
        }
        Sections = await queries.SectionsAsync(Edition, ct);
        return Page();
    }
}
