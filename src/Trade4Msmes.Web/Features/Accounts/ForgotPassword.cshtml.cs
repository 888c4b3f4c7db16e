using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.PasswordReset))]
public class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public Dictionary<string, string> Problems { get; } = [];
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    // The answer is the same whether or not the address has an account.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AccountRules.NormalizeEmail(Email) is not { } email)
        {
            Problems["email"] = Phrase("Enter an email address such as name@example.org.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await accounts.RequestPasswordResetAsync(email, ct);
        Sent = true;
        return Page();
    }
}
