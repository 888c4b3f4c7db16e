using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.News;

public class ShowModel(ContentStore store, ContentMarkdown markdown, IStringLocalizer<SharedResource> l) : PageModel
{
    public ContentView Item { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (store.Find("news", slug) is not { } item)
        {
            ErrorModel.SetDetail(HttpContext, l["There is no news item \"{0}\".", slug]);
            return NotFound();
        }
        Item = new ContentView(item, markdown.ToHtml(item.In(Languages.Current).Body, Languages.Current));
        return Page();
    }
}
