using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Alerts;

// A subscriber's alerts, reached from the link in every alert (token) or when signed in with the same address.
// Without either, the page offers to email the link.
[RateLimited(nameof(RateLimitOptions.Forms))]
public class ManageModel(Subscriptions subscriptions, AlertLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Subscriber? Subscriber { get; private set; }
    public IReadOnlyList<(Subscription Subscription, string Summary)> Alerts { get; private set; } = [];
    public AlertLinkProblem? LinkProblem { get; private set; }
    public bool LinkSent { get; private set; }

    // The address typed into "email me the link", kept when it is not one.
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LinkSent = Done == "link";
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostFrequencyAsync(int id, string? frequency, CancellationToken ct)
    {
        var index = Array.IndexOf(SubscriptionInput.FrequencyNames, frequency ?? "");
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Subscriber is null || index < 0 || !await subscriptions.ChangeFrequencyAsync(Subscriber.Id, id, (AlertFrequency)(index + 1), ct))
        {
            return BadRequest();
        }
        return Back("changed");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Subscriber is null || !await subscriptions.RemoveAsync(Subscriber.Id, id, ct))
        {
            return BadRequest();
        }
        return Back("removed");
    }

    public async Task<IActionResult> OnPostAllAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Subscriber is null)
        {
            return BadRequest();
        }
        await subscriptions.UnsubscribeAllAsync(Subscriber.Id, ct);
        return Back("unsubscribed");
    }

    // Emails the link to this page; answers the same whether or not the address has alerts.
    public async Task<IActionResult> OnPostLinkAsync(string? email, CancellationToken ct)
    {
        if (AccountRules.NormalizeEmail(email) is { } address)
        {
            await subscriptions.SendManageLinkAsync(address, Languages.Current, ct);
            return LocalRedirect($"/{Languages.Current}/alerts/manage?done=link");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Email = email ?? "";
        return Page();
    }

    LocalRedirectResult Back(string done) => LocalRedirect($"/{Languages.Current}/alerts/manage?done={done}"
        + (Token is null ? "" : "&token=" + Uri.EscapeDataString(Token)));

    // Finds whose alerts these are; a bad link answers 400 and shows why.
    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Token is not null)
        {
            var (id, problem) = links.Read(AlertLink.Manage, Token);
            if (problem is not null || await subscriptions.SubscriberAsync(id, ct) is not { } subscriber)
            {
                LinkProblem = problem ?? AlertLinkProblem.Invalid;
                Token = null;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            Subscriber = subscriber;
        }
        else if (HttpContext.Caller() is { } caller)
        {
            Subscriber = await subscriptions.SubscriberAsync(caller.Email, ct);
        }
        if (Subscriber is not null)
        {
            var ordered = Subscriber.Subscriptions.OrderBy(s => s.Id).ToList();
            Alerts = ordered.Zip(await subscriptions.SummariesAsync(ordered, Languages.Current, ct)).ToList();
        }
        return null;
    }
}
