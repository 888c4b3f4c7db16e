using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Submissions;

[RateLimited(nameof(RateLimitOptions.Forms))]
public class EditModel(SubmissionWorkflow workflow) : PageModel
{
    [BindProperty] public int Revision { get; set; }

    public Submission Submission { get; private set; } = null!;
    public SubmissionForm? Form { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        Revision = Submission.Revisions.Last().Number;
        var kind = SubmissionKind.Find(Submission.Kind)!;
        Form = new SubmissionForm(kind, SubmissionWorkflow.Fields(Submission.Content).ToDictionary(f => f.Key, f => (string?)f.Value),
            new Dictionary<string, string>(), await workflow.ChoicesAsync(kind, Submission.EconomyIso3, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var kind = SubmissionKind.Find(Submission.Kind)!;
        var values = SubmissionForm.Read(Request.Form, kind);
        var result = await workflow.SaveAsync(HttpContext.Caller()!, id, Revision, values, ct);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Done:
                return LocalRedirect($"/{Languages.Current}/submissions/{id}?done=saved");
            case WorkflowOutcome.Forbidden:
                return Forbid();
            case WorkflowOutcome.NotFound:
                return NotFound();
        }
        // Refused: the person's text stays in the form, so nothing they wrote is lost.
        Conflict = result.Outcome is WorkflowOutcome.Conflict or WorkflowOutcome.WrongState;
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Form = new SubmissionForm(kind, values, result.Problems ?? new Dictionary<string, string>(),
            await workflow.ChoicesAsync(kind, Submission.EconomyIso3, ct));
        return Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var caller = HttpContext.Caller()!;
        if (await workflow.FindAsync(caller, id, ct) is not { } submission)
        {
            return NotFound();
        }
        Submission = submission;
        return SubmissionWorkflow.CanWrite(caller, submission) ? null : Forbid();
    }
}
