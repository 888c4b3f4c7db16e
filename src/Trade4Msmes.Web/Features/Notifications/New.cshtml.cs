using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Web.Features.Notifications;

// An editor types in one notification (for one ePing has not published yet, or a member's own copy).
[RateLimited(nameof(RateLimitOptions.Forms))]
public class NewModel(NotificationStore store, EconomyQueries economies) : PageModel
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<TransmissionProblem> Problems { get; private set; } = [];
    public IReadOnlyList<(string Iso3, string Name)> Economies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Economies = await AllEconomiesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var field in NotificationFile.Fields)
        {
            Values[field] = Request.Form[field].ToString();
        }
        var report = await store.AddAsync(Values, HttpContext.Caller()!.Actor, ct);
        if (report.Accepted && NotificationSymbol.TryParse(Values["documentSymbol"], out var symbol))
        {
            return LocalRedirect(NotificationQueries.Url(symbol.Value, Languages.Current));
        }
        Problems = report.Problems;
        Economies = await AllEconomiesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<IReadOnlyList<(string, string)>> AllEconomiesAsync(CancellationToken ct) =>
        (await economies.ListAsync(new EconomyFilter(), Languages.Current, ct)).Select(e => (e.Iso3, e.Name)).ToList();
}
