using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

[RateLimited(nameof(RateLimitOptions.Forms))]
public class TokensModel(ApiTokens tokens) : PageModel
{
    [BindProperty] public string? Economy { get; set; }
    [BindProperty] public string? Name { get; set; }

    public Caller Caller => HttpContext.Caller()!;
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public Dictionary<string, string> Problems { get; } = [];

    // The new token's secret, shown on this one response and never again.
    public string? NewSecret { get; private set; }
    public bool Revoked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(Caller, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (Economy is null || !Caller.IsOfficialFor(Economy))
        {
            // Another economy, or a made-up one: the official may not create its tokens.
            return Forbid();
        }
        if (AccountRules.CheckName(Name, out var normalized) is not null)
        {
            Problems["name"] = Phrase("Name the token after the system that uses it (at most 100 characters, no control characters).");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            // The page carries a form, so antiforgery already marks it no-store: the secret is not cached.
            NewSecret = (await tokens.CreateAsync(Caller, Economy, normalized, ct)).Secret;
        }
        Tokens = await tokens.ListAsync(Caller, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(Caller, id, ct))
        {
            return NotFound();
        }
        Revoked = true;
        Tokens = await tokens.ListAsync(Caller, ct);
        return Page();
    }
}
