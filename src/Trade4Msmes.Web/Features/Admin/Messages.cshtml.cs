using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Admin;

// The editors' queue: contact messages and suggested resources, oldest waiting first; marking one handled is
// recorded in the audit log.
[RateLimited(nameof(RateLimitOptions.Forms))]
public class MessagesModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public bool Handled { get; private set; }
    public IReadOnlyList<ContactMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(bool handled, CancellationToken ct)
    {
        Handled = handled;
        Messages = handled
            ? await db.ContactMessages.Where(m => m.HandledAt != null).OrderByDescending(m => m.HandledAt).Take(PageSize).ToListAsync(ct)
            : await db.ContactMessages.Where(m => m.HandledAt == null).OrderBy(m => m.ReceivedAt).Take(PageSize).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostHandledAsync(long id, CancellationToken ct)
    {
        var message = await db.ContactMessages.AsTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }
        if (message.HandledAt is null)
        {
            var caller = HttpContext.Caller()!;
            message.HandledAt = clock.GetUtcNow().UtcDateTime;
            message.HandledByAccountId = caller.Id;
            AuditLog.Record(db, caller.Actor, "contact.handled", $"contact message {id}",
                newValues: new { message.Kind, message.Subject }, at: message.HandledAt);
            await db.SaveChangesAsync(ct);
        }
        return LocalRedirect($"/{Languages.Current}/admin/messages");
    }
}
