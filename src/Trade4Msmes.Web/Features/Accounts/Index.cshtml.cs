using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.SignIn))]
public class IndexModel(AccountService accounts) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public Caller Caller => HttpContext.Caller()!;
    public Dictionary<string, string> Problems { get; } = [];
    public string? Done { get; private set; }

    public void OnGet()
    {
        if (Request.Query.ContainsKey("confirmed"))
        {
            Done = Phrase("Your address is confirmed and you are signed in.");
        }
        else if (Request.Query.ContainsKey("reset"))
        {
            Done = Phrase("Your new password is saved. Every other device has been signed out.");
        }
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (AccountRules.CheckPassword(NewPassword, Caller.Email) is { } problem)
        {
            Problems["newPassword"] = problem;
        }
        else if (await accounts.ChangePasswordAsync(Caller.Id, CurrentPassword ?? "", NewPassword!, ct) is { } account)
        {
            // This browser stays signed in with the new stamp; every other session is refused from now on.
            await AccountsSetup.SignInAsync(HttpContext, account);
            Done = Phrase("Your new password is saved. Every other device has been signed out.");
            return Page();
        }
        else
        {
            Problems["currentPassword"] = Phrase("The password is not right.");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        await accounts.SignOutEverywhereAsync(Caller.Id, ct);
        await HttpContext.SignOutAsync();
        return LocalRedirect($"/{Languages.Current}/account/sign-in");
    }
}
