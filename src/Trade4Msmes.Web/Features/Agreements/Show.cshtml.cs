using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Agreements;

public class ShowModel(AgreementQueries queries, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AgreementDto Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int rtaId, CancellationToken ct)
    {
        if (await queries.AgreementAsync(rtaId, Languages.Current, ct) is not { } agreement)
        {
            ErrorModel.SetDetail(HttpContext, localizer["There is no agreement with RTA ID {0}.", rtaId]);
            return NotFound();
        }
        Agreement = agreement;
        return Page();
    }
}
