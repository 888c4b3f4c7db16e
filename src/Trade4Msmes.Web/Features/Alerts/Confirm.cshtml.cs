using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Alerts;

// The double opt-in: the emailed link opens this page, and the button confirms. (Opening the link alone does
// not, so a mail scanner that follows links cannot confirm for the owner.)
public class ConfirmModel(AppDbContext db, Subscriptions subscriptions, AlertLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public AlertLinkProblem? Problem { get; private set; }
    public string? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } subscription)
        {
            return Page();
        }
        Summary = await subscriptions.SummaryAsync(subscription, Languages.Current, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } subscription)
        {
            return Page();
        }
        await subscriptions.ConfirmAsync(subscription.Id, ct);
        var manage = links.Token(AlertLink.Manage, subscription.SubscriberId);
        return LocalRedirect($"/{Languages.Current}/alerts/manage?done=confirmed&token={Uri.EscapeDataString(manage)}");
    }

    async Task<Subscription?> FindAsync(CancellationToken ct)
    {
        var (id, problem) = links.Read(AlertLink.Confirm, Token);
        var subscription = problem is null ? await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (subscription is null)
        {
            // A removed subscription's link is as good as a wrong one.
            Problem = problem ?? AlertLinkProblem.Invalid;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return subscription;
    }
}
