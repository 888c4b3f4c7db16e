using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Web.Features.Notifications;

public class ShowModel(NotificationQueries queries, TimeProvider clock) : PageModel
{
    public NotificationDto Notification { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string symbol, CancellationToken ct)
    {
        if (!NotificationSymbol.TryParse(symbol, out var parsed)
            || await queries.FindAsync(parsed.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Languages.Current, ct) is not { } notification)
        {
            return NotFound();
        }
        Notification = notification;
        return Page();
    }
}
