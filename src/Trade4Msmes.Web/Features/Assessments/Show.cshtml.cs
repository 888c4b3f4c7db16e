using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Assessments;

// A self-assessment as one form sent by GET: the answers are in the address, so a result can be bookmarked or
// shared, and the page works without JavaScript. A question left unanswered is named and the others kept.
public class ShowModel(ContentStore store, ContentMarkdown markdown, IStringLocalizer<SharedResource> l) : PageModel
{
    public ContentEntry Entry { get; private set; } = null!;
    public Questionnaire Questionnaire { get; private set; } = null!;
    public int?[] Chosen { get; private set; } = [];
    public IReadOnlyList<Question> Unanswered { get; private set; } = [];
    public int? Score { get; private set; }
    public ResultBand? Band { get; private set; }

    public IActionResult OnGet(string id, string? done)
    {
        if (store.Find("assessments", id) is not { } entry)
        {
            ErrorModel.SetDetail(HttpContext, l["There is no self-assessment \"{0}\".", id]);
            return NotFound();
        }
        if (entry.Meta("kind") == "game")
        {
            return Redirect($"/{Languages.Current}/game");
        }
        Entry = entry;
        Questionnaire = Questionnaire.Parse(entry.In(Languages.Current));
        Chosen = new int?[Questionnaire.Questions.Count];
        for (var i = 0; i < Questionnaire.Questions.Count; i++)
        {
            var value = Request.Query[Questionnaire.Questions[i].Id].ToString();
            if (value.Length == 0)
            {
                continue;
            }
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var answer) || answer >= Questionnaire.Questions[i].Answers.Count)
            {
                ErrorModel.SetDetail(HttpContext, l["\"{0}\" is not one of the answers to question {1}.", value, i + 1]);
                return BadRequest();
            }
            Chosen[i] = answer;
        }
        if (Chosen.All(c => c is not null))
        {
            Score = Questionnaire.Score(Chosen.Select(c => c!.Value).ToList());
            Band = Questionnaire.Band(Score.Value);
        }
        else if (done is not null)
        {
            Unanswered = Questionnaire.Questions.Where((_, i) => Chosen[i] is null).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string Html(string text) => markdown.ToHtml(text, Languages.Current);
}
