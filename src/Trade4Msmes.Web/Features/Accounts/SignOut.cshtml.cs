using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.Accounts;

// Signing out is a POST (a link or an image could otherwise sign someone out); the GET page offers the button.
public class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync();
        return LocalRedirect($"/{Languages.Current}/");
    }
}
