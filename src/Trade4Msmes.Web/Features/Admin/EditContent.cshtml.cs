using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Errors;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Admin;

// An editor corrects one page in one language (or writes a missing translation, starting from the English). The
// text is checked as a whole store with the change in it: a correction that would break a link, a questionnaire's
// scoring or the glossary's ids is refused with the problems, and the text is kept for another try.
[RateLimited(nameof(RateLimitOptions.Forms))]
public class EditContentModel(
    ContentSource source, ContentStore store, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxText = 200_000;

    [BindProperty(SupportsGet = true)] public string Collection { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Language { get; set; } = "";
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Note { get; set; }

    public ContentEntry Entry { get; private set; } = null!;
    public bool Corrected { get; private set; }
    public bool StartsFromEnglish { get; private set; }
    public Dictionary<string, string> Problems { get; } = [];
    public IReadOnlyList<string> ContentProblems { get; private set; } = [];
    public string? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        Text = store.Markdown(Collection, Slug, Language);
        if (Text is null)
        {
            (Text, StartsFromEnglish) = (store.Markdown(Collection, Slug, Languages.Default), true);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        Text = Text?.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(Text) || Text.Length > MaxText)
        {
            Problems["text"] = Phrase("Write the page's text, front matter included (at most 200,000 characters).");
        }
        if (action == "publish" && (string.IsNullOrWhiteSpace(Note) || Note.Length > 500))
        {
            Problems["note"] = Phrase("Say in a few words what you corrected (at most 500 characters).");
        }
        if (Problems.Count == 0)
        {
            var corrections = await db.ContentCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            var change = new ContentCorrection { Collection = Collection, Slug = Slug, Lang = Language, Text = Text };
            var trial = source.With([.. corrections, change]);
            var before = ContentChecks.Problems(store).ToHashSet(StringComparer.Ordinal);
            ContentProblems = ContentChecks.Problems(trial).Where(p => !before.Contains(p)).ToList();
            if (ContentProblems.Count == 0 && action == "preview" && trial.Find(Collection, Slug) is { } previewed)
            {
                Preview = new ContentMarkdown(trial, new Content.Glossary(trial)).ToHtml(previewed.In(Language).Body, Language);
                return Page();
            }
        }
        if (Problems.Count > 0 || ContentProblems.Count > 0 || action != "publish")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await SaveAsync(Text, Note!.Trim(), "content.corrected", ct);
        return LocalRedirect(ContentModel.PublicPath(Collection, Slug, Language));
    }

    public async Task<IActionResult> OnPostRevertAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }
        if (Corrected)
        {
            await SaveAsync(null, "", "content.reverted", ct);
        }
        return LocalRedirect(ContentModel.PublicPath(Collection, Slug, Language));
    }

    async Task SaveAsync(string? text, string note, string action, CancellationToken ct)
    {
        var caller = HttpContext.Caller()!;
        var at = clock.GetUtcNow().UtcDateTime;
        db.ContentCorrections.Add(new ContentCorrection
        {
            Collection = Collection,
            Slug = Slug,
            Lang = Language,
            Text = text,
            Note = note,
            EditedByAccountId = caller.Id,
            EditedAt = at,
        });
        AuditLog.Record(db, caller.Actor, action, $"content {Collection}/{Slug}.{Language}",
            oldValues: new { Text = store.Markdown(Collection, Slug, Language) }, newValues: new { Text = text, Note = note }, at: at);
        await db.SaveChangesAsync(ct);
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!ContentModel.Collections.Contains(Collection) || store.Find(Collection, Slug) is not { } entry || !Languages.IsSupported(Language))
        {
            ErrorModel.SetDetail(HttpContext, l["There is no page \"{0}\" in \"{1}\" to correct.", $"{Collection}/{Slug}", Language]);
            return NotFound();
        }
        Entry = entry;
        Corrected = await db.ContentCorrections.Where(c => c.Collection == Collection && c.Slug == Slug && c.Lang == Language)
            .OrderByDescending(c => c.Id).Select(c => c.Text != null).FirstOrDefaultAsync(ct);
        return null;
    }
}
