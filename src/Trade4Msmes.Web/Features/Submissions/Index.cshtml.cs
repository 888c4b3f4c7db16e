using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Submissions;

// An official's submissions for their economies; an editor's review queue (waiting first) and everything else.
public class IndexModel(SubmissionWorkflow workflow) : PageModel
{
    public Caller Caller => HttpContext.Caller()!;
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Submissions = await workflow.Visible(Caller)
            .OrderBy(s => s.State == SubmissionState.Submitted ? 0 : s.State == SubmissionState.Returned ? 1 : s.State == SubmissionState.Draft ? 2 : 3)
            .ThenByDescending(s => s.UpdatedAt).Take(500).ToListAsync(ct);
}
