using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web.Features.Policy;

public class ShowModel(AppDbContext db, PolicySearch search, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PolicyRecordDto Record { get; private set; } = null!;
    public Submission? Submission { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var record = await db.PolicyRecords.FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null)
        {
            ErrorModel.SetDetail(HttpContext, localizer["There is no policy database entry \"{0}\".", key]);
            return NotFound();
        }
        Record = (await PolicyEndpoints.DtosAsync(search, [record], localizer, Languages.Current, "", ct))[0];
        if (record.SubmissionId is { } id)
        {
            Submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == id, ct);
        }
        return Page();
    }
}
