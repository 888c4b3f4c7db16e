using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Errors;

// One place renders every error: a localized page for people, problem+json for the API.
[IgnoreAntiforgeryToken]
public class ErrorModel(IProblemDetailsService problems, IStringLocalizer<SharedResource> l) : PageModel
{
    const string DetailKey = "Trade4Msmes.ErrorDetail";
    const string RetryAfterKey = "Trade4Msmes.RetryAfter";

    public int Code { get; private set; }
    public string? Detail { get; private set; }
    public int? RetryAfterSeconds { get; private set; }

    public Task<IActionResult> OnGetAsync(int code) => RenderAsync(code);

    public Task<IActionResult> OnPostAsync(int code) => RenderAsync(code);

    // Pages call this before returning a bare status code, so the error page can say what was wrong.
    public static void SetDetail(HttpContext context, string detail) => context.Items[DetailKey] = detail;

    // A 429 says when to come back; the header is set again here in case re-executing cleared it.
    public static void SetRetryAfter(HttpContext context, int seconds) => context.Items[RetryAfterKey] = seconds;

    async Task<IActionResult> RenderAsync(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        Detail = HttpContext.Items[DetailKey] as string;
        if (Code == 500 && StorageFull.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Code = StatusCodes.Status507InsufficientStorage;
            Detail = l[Phrase("The server has no space left to store this. Nothing was stored; please try again later.")];
        }
        RetryAfterSeconds = HttpContext.Items[RetryAfterKey] as int?;
        if (RetryAfterSeconds is { } seconds)
        {
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "";
        if (originalPath.StartsWith("/api/", StringComparison.Ordinal) || originalPath.StartsWith("/openapi", StringComparison.Ordinal))
        {
            Response.StatusCode = Code;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = Code, Detail = Code == 500 ? null : Detail },
            });
            return new EmptyResult();
        }
        Response.StatusCode = Code;
        return Page();
    }
}
