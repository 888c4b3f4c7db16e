using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Nomenclature;

// "I know my code": goes straight to its page, or says why the code cannot be one.
public class LookupModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool Invalid { get; private set; }

    public IActionResult OnGet()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }
        if (HsCodeFormat.TryNormalize(Code, out var code))
        {
            return Redirect($"/{Languages.Current}/hs/{HsEdition.Current}/{code}");
        }
        Invalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
