using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Admin;

// The audit log for editors: newest first, filtered by economy or by what changed, 100 entries a page.
public class AuditModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    public string? Economy { get; private set; }
    public string? Subject { get; private set; }
    public long? Before { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? economy, string? subject, long? before, CancellationToken ct)
    {
        var query = db.AuditEntries.AsQueryable();
        if (EconomyCode.TryNormalize(economy, out var code))
        {
            Economy = code;
            query = query.Where(e => e.EconomyIso3 == code);
        }
        if (!string.IsNullOrWhiteSpace(subject) && subject.Length <= 200)
        {
            Subject = subject.Trim();
            query = query.Where(e => e.Subject.StartsWith(Subject));
        }
        if (before is { } id)
        {
            query = query.Where(e => e.Id < id);
        }
        Entries = await query.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync(ct);
        Before = Entries.Count == PageSize ? Entries[^1].Id : null;
    }
}
