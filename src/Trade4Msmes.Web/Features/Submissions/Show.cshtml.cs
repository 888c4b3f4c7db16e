using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Submissions;

[RateLimited(nameof(RateLimitOptions.Forms))]
public class ShowModel(SubmissionWorkflow workflow, AppDbContext db) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public Caller Caller => HttpContext.Caller()!;
    public Submission Submission { get; private set; } = null!;
    public SubmissionKind Kind { get; private set; } = null!;
    public Dictionary<int, string> Names { get; private set; } = [];
    public Dictionary<string, string> Problems { get; } = [];

    // Why the last action was refused, in English for the page to translate.
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    // What the last step did, said once after the redirect (?done=…).
    public string? Done => Request.Query["done"].ToString() switch
    {
        "saved" => Phrase("Draft saved. Nothing is public until it is submitted and published."),
        "submitted" => Phrase("Submitted: an editor will review it."),
        "published" => Phrase("Published: it is now public on the economy page."),
        "returned" => Phrase("Returned to the economy with your comment."),
        _ => null,
    };

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, "submitted", workflow.SubmitAsync(Caller, id, Revision, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, "published", workflow.PublishAsync(Caller, id, Revision, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ActAsync(id, "returned", workflow.ReturnAsync(Caller, id, Revision, Comment, ct), ct);

    async Task<IActionResult> ActAsync(int id, string done, Task<WorkflowResult> action, CancellationToken ct)
    {
        var result = await action;
        switch (result.Outcome)
        {
            case WorkflowOutcome.Done:
                return LocalRedirect($"/{Languages.Current}/submissions/{id}?done={done}");
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.Forbidden:
                return Forbid();
            case WorkflowOutcome.Invalid:
                foreach (var (field, problem) in result.Problems!)
                {
                    Problems[field] = problem;
                }
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                Refusal = result.Outcome == WorkflowOutcome.Conflict
                    ? Phrase("Someone changed this submission since you opened it. Nothing was done: check the latest version below and try again.")
                    : Phrase("This cannot be done while the submission is in this state.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await workflow.FindAsync(Caller, id, ct) is not { } submission || SubmissionKind.Find(submission.Kind) is not { } kind)
        {
            return false;
        }
        (Submission, Kind) = (submission, kind);
        var people = submission.Revisions.Select(r => r.By).Distinct().ToList();
        Names = await db.Accounts.Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        return true;
    }
}
