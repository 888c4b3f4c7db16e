using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Roadmap;

public class IndexModel(ContentStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    public string Track { get; private set; } = Roadmap.Goods;
    public IReadOnlyList<ContentEntry> Stops { get; private set; } = [];

    public IActionResult OnGet(string? track)
    {
        if (track is not null && !Roadmap.IsTrack(track))
        {
            ErrorModel.SetDetail(HttpContext, l["There is no track \"{0}\": choose goods or services.", track]);
            return BadRequest();
        }
        Track = track ?? Roadmap.Goods;
        Stops = Roadmap.Stops(store, Track);
        return Page();
    }
}
