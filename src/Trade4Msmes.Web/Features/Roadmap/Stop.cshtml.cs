using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Web.Features.Roadmap;

public class StopModel(ContentStore store, ContentMarkdown markdown, LibraryCatalog library, IStringLocalizer<SharedResource> l) : PageModel
{
    public ContentEntry Stop { get; private set; } = null!;
    public string Track { get; private set; } = Roadmap.Goods;
    public int Number { get; private set; }
    public int Count { get; private set; }
    public ContentEntry? Previous { get; private set; }
    public ContentEntry? Next { get; private set; }
    public string Html { get; private set; } = "";
    public IReadOnlyList<LibraryRecord> Resources { get; private set; } = [];

    public IActionResult OnGet(string slug, string? track)
    {
        if (store.Find("roadmap", slug) is not { } stop)
        {
            ErrorModel.SetDetail(HttpContext, l["There is no roadmap stop \"{0}\".", slug]);
            return NotFound();
        }
        if (track is not null && !Roadmap.IsTrack(track))
        {
            ErrorModel.SetDetail(HttpContext, l["There is no track \"{0}\": choose goods or services.", track]);
            return BadRequest();
        }
        Stop = stop;
        // A stop for one track only is read on that track, whatever the link said.
        Track = Roadmap.OnTrack(stop, track ?? Roadmap.Goods) ? track ?? Roadmap.Goods : stop.Meta("track")!;
        var stops = Roadmap.Stops(store, Track);
        var index = stops.IndexOf(stop);
        (Number, Count) = (index + 1, stops.Count);
        Previous = index > 0 ? stops[index - 1] : null;
        Next = index + 1 < stops.Count ? stops[index + 1] : null;
        var lang = Languages.Current;
        Html = markdown.ToHtml(stop.In(lang).Body, lang, Track);
        Resources = library.ForPage(stop, "business", lang);
        return Page();
    }
}
