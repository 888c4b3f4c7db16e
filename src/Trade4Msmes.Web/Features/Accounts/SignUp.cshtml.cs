using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.SignUp))]
public class SignUpModel(AccountService accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }

    // Carried across the redirect after a sign-up, so the address never goes into a URL.
    [TempData] public string? SentTo { get; set; }

    public Dictionary<string, string> Problems { get; } = [];
    public bool Sent { get; private set; }

    public void OnGet()
    {
        if (Request.Query.ContainsKey("sent") && SentTo is not null)
        {
            (Sent, Email) = (true, SentTo);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = AccountRules.NormalizeEmail(Email);
        if (email is null)
        {
            Problems["email"] = Phrase("Enter an email address such as name@example.org.");
        }
        if (AccountRules.CheckName(Name, out var name) is { } nameProblem)
        {
            Problems["name"] = nameProblem;
        }
        if (AccountRules.CheckPassword(Password, email ?? "") is { } passwordProblem)
        {
            Problems["password"] = passwordProblem;
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await accounts.SignUpAsync(email!, name, Password!, Languages.Current, ct);
        // Post/redirect/get: reloading the answer does not sign up again.
        SentTo = email;
        return LocalRedirect($"/{Languages.Current}/account/sign-up?sent=1");
    }
}
