using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trade4Msmes.Web.Features.Alerts;

// The link at the foot of every alert, and the address mail clients POST to for one-click unsubscription
// (RFC 8058, "List-Unsubscribe=One-Click"). The signed token is the proof, so there is no antiforgery token:
// a mail client's POST has none.
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(Subscriptions subscriptions, AlertLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public AlertLinkProblem? Problem { get; private set; }
    public string? Email { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } subscriberId)
        {
            await subscriptions.UnsubscribeAllAsync(subscriberId, ct);
            Done = true;
        }
        return Page();
    }

    async Task<int?> FindAsync(CancellationToken ct)
    {
        var (id, problem) = links.Read(AlertLink.Unsubscribe, Token);
        if (problem is null && await subscriptions.SubscriberAsync(id, ct) is { } subscriber)
        {
            Email = subscriber.Email;
            return subscriber.Id;
        }
        Problem = problem ?? AlertLinkProblem.Invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return null;
    }
}
