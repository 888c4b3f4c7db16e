using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Submissions;

[RateLimited(nameof(RateLimitOptions.Forms))]
public class NewModel(SubmissionWorkflow workflow) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Economy { get; set; }

    public SubmissionForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Check(out var kind, out var economy)
        ?? Show(new SubmissionForm(kind, new Dictionary<string, string?>(), new Dictionary<string, string>(), await workflow.ChoicesAsync(kind, economy, ct)));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Check(out var kind, out var economy) is { } refused)
        {
            return refused;
        }
        var values = SubmissionForm.Read(Request.Form, kind);
        var result = await workflow.CreateAsync(HttpContext.Caller()!, kind, economy, values, ct);
        if (result.Outcome == WorkflowOutcome.Done)
        {
            return LocalRedirect($"/{Languages.Current}/submissions/{result.Submission!.Id}?done=saved");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Show(new SubmissionForm(kind, values, result.Problems ?? new Dictionary<string, string>(), await workflow.ChoicesAsync(kind, economy, ct)));
    }

    // Unknown kind or economy: 404; an economy the official does not act for: 403.
    IActionResult? Check(out SubmissionKind kind, out string economy)
    {
        kind = SubmissionKind.Find(Kind)!;
        if (kind is null || !EconomyCode.TryNormalize(Economy, out economy))
        {
            economy = "";
            return NotFound();
        }
        return HttpContext.Caller()!.IsOfficialFor(economy) ? null : Forbid();
    }

    PageResult Show(SubmissionForm form)
    {
        Form = form;
        return Page();
    }
}
