using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Admin;

public class AccountsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 200;

    public string? Q { get; private set; }
    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Q = q?.Trim().ToLowerInvariant();
        var query = db.Accounts.Include(a => a.Roles).AsQueryable();
        if (!string.IsNullOrEmpty(Q) && Q.Length <= 254)
        {
            var pattern = $"%{Q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(a => EF.Functions.Like(a.Email, pattern) || EF.Functions.Like(a.DisplayName, pattern));
        }
        Accounts = await query.OrderBy(a => a.Email).Take(PageSize).ToListAsync(ct);
    }
}
