using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.News;

public class IndexModel(ContentStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> Kinds =
        [("meeting", Phrase("Meetings")), ("newsletter", Phrase("Newsletters")), ("news", Phrase("News"))];

    public string? Kind { get; private set; }
    public IReadOnlyList<ContentEntry> Items { get; private set; } = [];

    public IActionResult OnGet(string? kind)
    {
        if (kind is not null && Kinds.All(k => k.Value != kind))
        {
            ErrorModel.SetDetail(HttpContext, l["There is no kind of news \"{0}\".", kind]);
            return BadRequest();
        }
        Kind = kind;
        Items = store.Collection("news").Where(n => kind is null || n.Meta("kind") == kind)
            .OrderByDescending(n => n.Meta("date"), StringComparer.Ordinal).ToList();
        return Page();
    }

    public static string Date(ContentEntry item) =>
        DateOnly.TryParse(item.Meta("date"), System.Globalization.CultureInfo.InvariantCulture, out var date)
            ? date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)
            : "";
}
