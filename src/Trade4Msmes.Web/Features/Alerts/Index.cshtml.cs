using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Alerts;

// The subscription form. Someone signed in, or coming from a link in an alert (token), has shown they own the
// address: their alert starts at once. Anyone else gets a confirmation email first (double opt-in).
[RateLimited(nameof(RateLimitOptions.Forms))]
public class IndexModel(AppDbContext db, Subscriptions subscriptions, AlertLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Products { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Markets { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Keywords { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Kinds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Frequency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [TempData] public string? SentTo { get; set; }

    public bool Sent { get; private set; }
    public Dictionary<string, string> Problems { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Economies { get; private set; } = [];

    // The address when the visitor has already proven it (account or link), else null.
    public string? KnownEmail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.ContainsKey("sent") && SentTo is not null)
        {
            (Sent, Email) = (true, SentTo);
        }
        // Kinds come pre-ticked from a link ("Get alerts like this one"), or all of them.
        if (Kinds.Count == 0)
        {
            Kinds = [.. SubscriptionInput.KindNames];
        }
        Frequency ??= "daily";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var email = KnownEmail ?? AccountRules.NormalizeEmail(Email);
        if (email is null)
        {
            Problems["email"] = Phrase("Enter an email address such as name@example.org.");
        }
        var (subscription, problems) = await subscriptions.CheckAsync(new SubscriptionInput(Products, Markets, Keywords, Kinds, Frequency), ct);
        foreach (var (field, problem) in problems)
        {
            Problems[field] = problem;
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var added = await subscriptions.SubscribeAsync(email!, Languages.Current, subscription!, addressConfirmed: KnownEmail is not null, ct);
        if (KnownEmail is null)
        {
            SentTo = email;
            return LocalRedirect($"/{Languages.Current}/alerts?sent=1");
        }
        return LocalRedirect(Token is null
            ? $"/{Languages.Current}/alerts/manage?done=added"
            : $"/{Languages.Current}/alerts/manage?done=added&token={Uri.EscapeDataString(links.Token(AlertLink.Manage, added.SubscriberId))}");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var lang = Languages.Current;
        if (HttpContext.Caller() is { } caller)
        {
            KnownEmail = caller.Email;
        }
        else if (Token is not null && links.Read(AlertLink.Manage, Token) is (var id, null)
            && await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) is { } subscriber)
        {
            KnownEmail = subscriber.Email;
        }
        else
        {
            Token = null;
        }
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        Regions = (await db.Regions.AsNoTracking().ToListAsync(ct))
            .Select(r => (r.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name(lang))).OrderBy(r => r.Item2, collation).ToList();
        Economies = (await db.Economies.AsNoTracking().ToListAsync(ct))
            .Select(e => (e.Iso3, e.Name(lang))).OrderBy(e => e.Item2, collation).ToList();
        // An empty form field binds as null.
        Kinds = Kinds.OfType<string>().ToList();
        Markets = Markets.OfType<string>().SelectMany(m => m.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).Select(m => m.ToUpperInvariant()).ToList();
    }
}
