using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Admin;

[RateLimited(nameof(RateLimitOptions.Forms))]
public class AccountModel(AppDbContext db, AccountAdministration admin) : PageModel
{
    public Account Account { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostGrantAsync(int id, Role role, string? economy, CancellationToken ct) =>
        ActAsync(id, admin.GrantAsync(HttpContext.Caller()!, id, role, EconomyCode.TryNormalize(economy, out var code) ? code : null, ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(int id, int roleId, CancellationToken ct) =>
        ActAsync(id, admin.RevokeAsync(HttpContext.Caller()!, id, roleId, ct), ct);

    public Task<IActionResult> OnPostDisableAsync(int id, bool disabled, CancellationToken ct) =>
        ActAsync(id, admin.SetDisabledAsync(HttpContext.Caller()!, id, disabled, ct), ct);

    public Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        ActAsync(id, admin.UnlockAsync(HttpContext.Caller()!, id, ct), ct);

    async Task<IActionResult> ActAsync(int id, Task<string?> action, CancellationToken ct)
    {
        if (await action is not { } refusal)
        {
            return LocalRedirect($"/{Languages.Current}/admin/accounts/{id}");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Refusal = refusal;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.Id == id, ct) is not { } account)
        {
            return false;
        }
        Account = account;
        var subject = $"account/{id}";
        History = await db.AuditEntries.Where(e => e.Subject == subject).OrderByDescending(e => e.Id).Take(50).ToListAsync(ct);
        return true;
    }
}
