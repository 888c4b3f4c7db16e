using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Submissions;

// What changed, field by field and line by line, between two revisions of a submission.
public class ChangesModel(SubmissionWorkflow workflow) : PageModel
{
    public Submission Submission { get; private set; } = null!;
    public SubmissionKind Kind { get; private set; } = null!;
    public SubmissionRevision From { get; private set; } = null!;
    public SubmissionRevision To { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int from, int to, CancellationToken ct)
    {
        if (await workflow.FindAsync(HttpContext.Caller()!, id, ct) is not { } submission)
        {
            return NotFound();
        }
        var (a, b) = (submission.Revisions.FirstOrDefault(r => r.Number == from), submission.Revisions.FirstOrDefault(r => r.Number == to));
        if (a is null || b is null)
        {
            return NotFound();
        }
        (Submission, Kind, From, To) = (submission, SubmissionKind.Find(submission.Kind)!, a, b);
        return Page();
    }
}
