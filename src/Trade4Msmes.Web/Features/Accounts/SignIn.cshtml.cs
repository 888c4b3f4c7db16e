using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.SignIn))]
public class SignInModel(AccountService accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Problems { get; } = [];
    public DateTime? LockedUntil { get; private set; }
    public bool ConfirmationSent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.SignInAsync(AccountRules.NormalizeEmail(Email), Password ?? "", ct);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                await AccountsSetup.SignInAsync(HttpContext, result.Account!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : $"/{Languages.Current}/account");
            case SignInOutcome.NotConfirmed:
                ConfirmationSent = true;
                break;
            case SignInOutcome.LockedOut:
                LockedUntil = result.LockedUntil;
                Problems["email"] = Phrase("This account is locked for 15 minutes after too many failed attempts. Choose a new password to unlock it now.");
                break;
            default:
                Problems["email"] = Phrase("The email address or the password is not right.");
                break;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
