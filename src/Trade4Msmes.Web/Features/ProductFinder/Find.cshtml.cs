using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.ProductFinder;

public class FindModel(FinderQuery finder) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public FinderAnswerDto? Answer { get; private set; }
    public bool TooLong { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }
        if (Q.Length > FinderQuery.MaxLength)
        {
            TooLong = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Answer = await finder.AskAsync(Q.Trim(), Languages.Current, 8, ct);
        return Page();
    }
}
