using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Web.Features.Policy;

public class IndexModel(PolicySearch search, AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Database { get; set; }
    [BindProperty(SupportsGet = true)] public string? Economy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agreement { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    // "page" is taken by Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageNumber { get; set; }

    public PolicySearchResult? Results { get; private set; }
    public PolicyDatabaseInfo? Chosen { get; private set; }
    public InputError? Error { get; private set; }
    public int CurrentPage { get; private set; } = 1;

    PolicySearchInput Input => new(Q, Database, Economy, Region, Category, Agreement, Year, Language);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, error) = await Input.ParseAsync(db, ct);
        if (!string.IsNullOrEmpty(PageNumber))
        {
            if (int.TryParse(PageNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                CurrentPage = page;
            }
            else
            {
                error ??= new InputError("\"{0}\" is not a page number.", PageNumber);
            }
        }
        if (filter is null || error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Chosen = filter.Database is { } database ? PolicyCatalog.Of(database) : null;
        Results = await search.SearchAsync(filter, (CurrentPage - 1) * PageSize, PageSize, Languages.Current, ct);
        return Page();
    }

    // This search with some values changed (null removes one), for facet links, pages and exports.
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        var query = Input.ToQuery();
        foreach (var (name, value) in changes)
        {
            query[name] = value;
        }
        return QueryHelpers.AddQueryString(path, query.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
    }

    public string PageLink(int page) =>
        Link($"/{Languages.Current}/policy", ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string ExportLink(string format) =>
        Link("/api/v1/policy/search", ("format", format), ("lang", Languages.Current));
}
