using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.PasswordReset))]
public class ResetPasswordModel(AccountService accounts, AppDbContext db) : PageModel
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
        // The password is checked before the link is used up, so a too-short password does not cost the link.
        var link = await accounts.IsLinkValidAsync(LinkPurpose.ResetPassword, Token, ct);
        var email = link ? await EmailOfAsync(ct) : "";
        if (link && AccountRules.CheckPassword(Password, email) is { } problem)
        {
            Problems["password"] = problem;
        }
        else if (link && await accounts.ResetPasswordAsync(Token!, Password!, ct) is { } account)
        {
            await AccountsSetup.SignInAsync(HttpContext, account);
            return LocalRedirect($"/{Languages.Current}/account?reset=1");
        }
        else
        {
            LinkValid = false;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<string> EmailOfAsync(CancellationToken ct)
    {
        var hash = Secrets.Hash(Token!);
        return await db.AccountLinks.Where(l => l.TokenHash == hash)
            .Join(db.Accounts, l => l.AccountId, a => a.Id, (_, a) => a.Email).FirstOrDefaultAsync(ct) ?? "";
    }
}
