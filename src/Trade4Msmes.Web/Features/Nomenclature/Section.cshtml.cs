using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Nomenclature;

public class SectionModel(HsQueries queries) : PageModel
{
    public HsSectionPageDto Section { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int edition, string number, CancellationToken ct)
    {
        if (!HsEdition.IsKnown(edition) || await queries.SectionAsync(edition, number.ToUpperInvariant(), ct) is not { } section)
        {
            return NotFound();
        }
        Section = section;
        return Page();
    }
}
