using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

// Opening the emailed link shows a form rather than confirming at once: mail scanners that fetch links must
// not use them up, and the password proves the person confirming is the one who signed up.
[RateLimited(nameof(RateLimitOptions.SignIn))]
public class ConfirmModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public bool LinkValid { get; private set; } = true;
    public Dictionary<string, string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LinkValid = await accounts.IsLinkValidAsync(LinkPurpose.ConfirmEmail, Token, ct);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.ConfirmAsync(Token ?? "", Password ?? "", ct);
        switch (result?.Outcome)
        {
            case null:
                LinkValid = false;
                break;
            case SignInOutcome.Success:
                await AccountsSetup.SignInAsync(HttpContext, result.Account!);
                return LocalRedirect($"/{Languages.Current}/account?confirmed=1");
            case SignInOutcome.LockedOut:
                Problems["password"] = Phrase("This account is locked for 15 minutes after too many failed attempts. Choose a new password to unlock it now.");
                break;
            default:
                Problems["password"] = Phrase("The password is not right.");
                break;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
