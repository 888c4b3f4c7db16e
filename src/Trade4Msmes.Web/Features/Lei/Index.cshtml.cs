using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.Lei;

public class IndexModel : PageModel
{
    public string? Code { get; private set; }
    public LeiCheck? Check { get; private set; }

    public void OnGet(string? code)
    {
        if (code is null)
        {
            return;
        }
        Code = code.Length > 100 ? code[..100] : code;
        Check = LegalEntityIdentifier.Check(code);
        if (!Check.Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
