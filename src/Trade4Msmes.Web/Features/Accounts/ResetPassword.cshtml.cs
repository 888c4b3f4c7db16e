using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.PasswordReset))]
public class ResetPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public bool LinkValid { get; private set; } = true;
    public Dictionary<string, string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LinkValid = await accounts.IsLinkValidAsync(LinkPurpose.ResetPassword, Token, ct);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (account, problem) = await accounts.ResetPasswordAsync(Token ?? "", Password ?? "", ct);
        if (account is not null)
        {
            await AccountsSetup.SignInAsync(HttpContext, account);
            return LocalRedirect($"/{Languages.Current}/account?reset=1");
        }
        if (problem is not null)
        {
            Problems["password"] = problem;
        }
        else
        {
            LinkValid = false;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
