using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Web.Features.Guides;

public class ShowModel(ContentStore store, ContentMarkdown markdown, LibraryCatalog library, IStringLocalizer<SharedResource> l) : PageModel
{
    public ContentView Guide { get; private set; } = null!;
    public IReadOnlyList<LibraryRecord> Resources { get; private set; } = [];

    public IActionResult OnGet(string slug)
    {
        if (store.Find("guides", slug) is not { } guide)
        {
            ErrorModel.SetDetail(HttpContext, l["There is no guide \"{0}\".", slug]);
            return NotFound();
        }
        var lang = Languages.Current;
        Guide = new ContentView(guide, markdown.ToHtml(guide.In(lang).Body, lang));
        Resources = library.ForPage(guide, "policy", lang);
        return Page();
    }
}
