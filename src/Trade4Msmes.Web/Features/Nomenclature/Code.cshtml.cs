using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Nomenclature;

public class CodeModel(HsQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // The e-waste heading 8549 (new in 2022) overlaps about a thousand 2017 subheadings; a page shows a sample and the count.
    const int CorrelationLimit = 100;

    public HsNodeDto Node { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int edition, string code, CancellationToken ct)
    {
        if (!HsEdition.IsKnown(edition))
        {
            return NotFound();
        }
        if (!HsCodeFormat.TryNormalize(code, out var normalized))
        {
            ErrorModel.SetDetail(HttpContext, localizer["“{0}” is not an HS code: a code has 2, 4 or 6 digits, such as 0901 or 090121.", code]);
            return BadRequest();
        }
        if (normalized != code)
        {
            return RedirectPermanent($"/{Languages.Current}/hs/{edition}/{normalized}");
        }
        if (await queries.NodeAsync(edition, normalized, CorrelationLimit, ct) is not { } node)
        {
            ErrorModel.SetDetail(HttpContext, localizer["There is no code {0} in HS {1}.", normalized, edition]);
            return NotFound();
        }
        Node = node;
        return Page();
    }
}
