using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Web.Features.Notifications;

// An editor uploads what ePing's search returned (JSON) or a CSV of the same fields; all or nothing.
[RateLimited(nameof(RateLimitOptions.Forms))]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public class ImportModel(NotificationStore store) : PageModel
{
    public const int MaxBytes = 32 * 1024 * 1024;

    public NotificationImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? format, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Report = new NotificationImportReport(0, 0, [new Importing.TransmissionProblem(0, "file", "Choose a file to import.")], false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var json = format == "json" || (format != "csv" && file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        Report = await store.ImportAsync(buffer.ToArray(), json, HttpContext.Caller()!.Actor, $"{(json ? "ePing JSON" : "CSV")} file {Path.GetFileName(file.FileName)}", ct);
        if (!Report.Accepted)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
