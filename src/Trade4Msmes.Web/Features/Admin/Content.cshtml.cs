using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Web.Features.Admin;

// Every page of the portal with its languages, for editors to correct, and the latest corrections.
public class ContentModel(ContentStore store, AppDbContext db) : PageModel
{
    public static readonly string[] Collections = ["roadmap", "guides", "glossary", "assessments", "news"];

    public ContentStore Store => store;
    public IReadOnlyList<ContentCorrection> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Recent = await db.ContentCorrections.AsNoTracking().OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);

    // Where readers see an entry.
    public static string PublicPath(string collection, string slug, string lang) => collection switch
    {
        "glossary" => $"/{lang}/glossary",
        "assessments" when slug == Game.IndexModel.Slug => $"/{lang}/game",
        _ => $"/{lang}/{collection}/{slug}",
    };
}
