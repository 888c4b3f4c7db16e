using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Submissions;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Contact;

// The contact form, and "suggest a resource" for the library: both go into the editors' queue (/admin/messages).
[RateLimited(nameof(RateLimitOptions.Forms))]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxText = 5000;

    [BindProperty(SupportsGet = true)] public string? About { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty(Name = "url")] public string? ResourceUrl { get; set; }
    [BindProperty] public string? Text { get; set; }

    public Dictionary<string, string> Problems { get; } = [];
    public bool Sent { get; private set; }

    public bool IsResource => About == "resource";

    public void OnGet() => Sent = Request.Query.ContainsKey("sent");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (About is not ("message" or "resource"))
        {
            Problems["about"] = Phrase("Choose what you are writing about.");
            About = "message";
        }
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            Problems["name"] = Phrase("Enter your name (at most 200 characters).");
        }
        var email = AccountRules.NormalizeEmail(Email);
        if (email is null)
        {
            Problems["email"] = Phrase("Enter an email address such as name@example.org.");
        }
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > 300)
        {
            Problems["subject"] = IsResource ? Phrase("Enter the resource's title (at most 300 characters).") : Phrase("Enter a subject (at most 300 characters).");
        }
        if (IsResource && (ResourceUrl is null || ResourceUrl.Length > 2000 || !SafeMarkdown.IsAllowed(ResourceUrl) || ResourceUrl.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
        {
            Problems["url"] = Phrase("Enter the resource's web address, starting with https:// or http://.");
        }
        if (string.IsNullOrWhiteSpace(Text) || Text.Length > MaxText)
        {
            Problems["text"] = IsResource ? Phrase("Say in a few words what the resource offers and whom it helps (at most 5,000 characters).") : Phrase("Write your message (at most 5,000 characters).");
        }
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.ContactMessages.Add(new ContactMessage
        {
            Kind = About!,
            Name = Name!.Trim(),
            Email = email!,
            Subject = Subject!.Trim(),
            Url = IsResource ? ResourceUrl!.Trim() : null,
            Text = Text!.Trim(),
            Lang = Languages.Current,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return LocalRedirect($"/{Languages.Current}/contact?sent=1");
    }
}
