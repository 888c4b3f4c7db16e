using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Notifications;

public class IndexModel(AppDbContext db, NotificationQueries queries, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Hs { get; set; }
    [BindProperty(SupportsGet = true)] public string? Member { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public bool Open { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(string Iso3, string Name)> Members { get; private set; } = [];
    public NotificationPageDto? Results { get; private set; }
    public string? Problem { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Members = await queries.MembersAsync(Languages.Current, ct);
        var (filter, problem) = await NotificationSearchInput.ParseAsync(db, Hs, Member, Domain, Q, Open, Today, ct);
        if (filter is null || PageNumber < 1)
        {
            Problem = problem ?? "page must be 1 or more.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await queries.SearchAsync(filter, (PageNumber - 1) * PageSize, PageSize, Languages.Current, ct);
        return Page();
    }

    public string PageLink(int page) => $"/{Languages.Current}/notifications" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["hs"] = Hs,
        ["member"] = Member,
        ["domain"] = Domain,
        ["open"] = Open ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    // The same search as an Atom feed, when it says enough to be one.
    public string? FeedLink()
    {
        if (string.IsNullOrEmpty(Hs) && string.IsNullOrEmpty(Member) && string.IsNullOrWhiteSpace(Q))
        {
            return null;
        }
        var kinds = Domain?.ToUpperInvariant() switch { "SPS" => "sps", "TBT" => "tbt", _ => "sps,tbt" };
        return "/feeds/alerts.atom" + QueryString.Create(new Dictionary<string, string?>
        {
            ["products"] = Hs,
            ["markets"] = Member,
            ["keywords"] = Q,
            ["kinds"] = kinds,
            ["lang"] = Languages.Current,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
