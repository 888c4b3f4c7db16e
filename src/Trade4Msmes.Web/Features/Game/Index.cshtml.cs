using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Game;

// The Trade Game, one situation a page. The choices so far travel in the address (a=2&a=0&…), so the game needs
// no account, no session and no JavaScript, and a finished game's address is its shareable result. The page is
// not output-cached: the cache treats a=1&a=0 and a=0&a=1 as one address, but here the order is the game.
public class IndexModel(ContentStore store, ContentMarkdown markdown, IStringLocalizer<SharedResource> l, IOptions<SiteOptions> site) : PageModel
{
    public const string Slug = "trade-game";

    public ContentEntry Entry { get; private set; } = null!;
    public Questionnaire Game { get; private set; } = null!;
    public IReadOnlyList<int> Chosen { get; private set; } = [];
    public bool MissingChoice { get; private set; }
    public int? Score { get; private set; }

    public Question? Current => Chosen.Count < Game.Questions.Count ? Game.Questions[Chosen.Count] : null;

    public IActionResult OnGet(string[]? a, int? step)
    {
        if (store.Find("assessments", Slug) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        Game = Questionnaire.Parse(entry.In(Languages.Current));
        var chosen = new List<int>();
        foreach (var value in a ?? [])
        {
            if (chosen.Count >= Game.Questions.Count
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var choice)
                || choice >= Game.Questions[chosen.Count].Answers.Count)
            {
                ErrorModel.SetDetail(HttpContext, l["This game's address is not valid. Start again from the first situation."]);
                return BadRequest();
            }
            chosen.Add(choice);
        }
        Chosen = chosen;
        // The form names the step it showed: sent back without a choice, it is shown again with a message.
        MissingChoice = step is { } s && s > chosen.Count;
        if (MissingChoice)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        if (chosen.Count == Game.Questions.Count)
        {
            Score = Game.Score(chosen);
        }
        return Page();
    }

    public string Html(string text) => markdown.ToHtml(text, Languages.Current);

    // The site's public address, as configured: the request's Host header could be anything.
    public string ShareLink => site.Value.Link($"/{Languages.Current}/game?" + string.Join("&", Chosen.Select(c => $"a={c}")));
}
