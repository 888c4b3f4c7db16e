using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Submissions;
using Trade4Msmes.Web.Importing;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Policy;

// What economies submit to the policy databases, and what a published version of it becomes there: the
// Annex 1 checklist of one Trade Policy Review (one entry per item filled), the Global Trade Helpdesk
// questionnaire of Annex 2, and single entries of the compendia.
public static class PolicySubmissions
{
    static SubmissionField Language => new("language", Phrase("Language of the text"), FieldType.Choice, 2, true,
        Options: [.. Web.Languages.Native.Select(l => new PolicyCategory(l.Code, l.Name))]);

    static SubmissionField Source(string help) => new("source", Phrase("Source document"), FieldType.Line, 200, true, help);

    static IEnumerable<SubmissionField> SourceDetails =>
    [
        new("source-location", Phrase("Page or paragraph"), FieldType.Line, 200, false),
        new("source-link", Phrase("Link to the source document"), FieldType.Url, 500, false),
    ];

    public static readonly SubmissionKind TprChecklist = new("tpr-checklist", Phrase("MSME information in a Trade Policy Review (Annex 1 checklist)"), "review",
    [
        new("review", Phrase("Review"), FieldType.Line, 200, true, Phrase("For example: 5th Trade Policy Review.")),
        new("year", Phrase("Year of the review"), FieldType.Year, 4, true),
        Source(Phrase("The symbol of the report, for example WT/TPR/G/…")),
        .. SourceDetails,
        Language,
        .. PolicyCatalog.Tpr.Categories.Select(c => new SubmissionField($"item-{c.Key}", c.Label, FieldType.Markdown, PolicyRecordFile.MaxTextLength, false)),
    ], content => PolicyCatalog.Tpr.Categories.Any(c => content.ContainsKey($"item-{c.Key}")) ? null : Phrase("Fill at least one item of the checklist."));

    public static readonly SubmissionKind GthQuestionnaire = new("gth-questionnaire", Phrase("Global Trade Helpdesk questionnaire (Annex 2)"), "agency",
    [
        new("answered-on", Phrase("Date the questionnaire was answered"), FieldType.Date, 10, true),
        new("agency", Phrase("Agency that answered"), FieldType.Line, 200, true),
        new("answers", Phrase("Summary of the answers"), FieldType.Markdown, PolicyRecordFile.MaxTextLength, true),
        Source(Phrase("The symbol or title of the questionnaire as sent.")),
        .. SourceDetails,
        Language,
    ]);

    static SubmissionKind Entry(PolicyDatabaseInfo database, string name, params SubmissionField[] extra) => new($"{database.Key}-entry", name, "title",
    [
        new("title", Phrase("Title"), FieldType.Line, 300, true),
        new("category", database.CategoryName, FieldType.Choice, 40, true, Options: database.Categories),
        new("text", Phrase("Description"), FieldType.Markdown, PolicyRecordFile.MaxTextLength, true),
        new("year", Phrase("Year"), FieldType.Year, 4, true),
        .. extra,
        Source(Phrase("The symbol or title of the document the entry is taken from.")),
        .. SourceDetails,
        Language,
    ]);

    // Written by an official of a party; the entry binds the agreement's parties at publication.
    public static readonly SubmissionKind RtaProvision = new("rta-provision", Phrase("MSME provision of a regional trade agreement"), "title",
    [
        new("agreement", Phrase("Agreement"), FieldType.Agreement, 10, true, Phrase("The agreements your economy is or was a party to, as notified to the WTO.")),
        new("category", PolicyCatalog.Rta.CategoryName, FieldType.Choice, 40, true, Options: PolicyCatalog.Rta.Categories),
        new("reference", Phrase("Chapter or article"), FieldType.Line, 200, false, Phrase("For example: Chapter 25, Article 25.3.")),
        new("title", Phrase("Title"), FieldType.Line, 300, true),
        new("text", Phrase("Text or summary of the provision"), FieldType.Markdown, PolicyRecordFile.MaxTextLength, true),
        new("year", Phrase("Year the provision was signed"), FieldType.Year, 4, true),
        Source(Phrase("The title of the agreement's text, or the symbol of its notification to the WTO.")),
        .. SourceDetails,
        Language,
    ]);

    public static readonly SubmissionKind FinanceEntry = Entry(PolicyCatalog.Finance, Phrase("Access-to-finance measure for women-led MSMEs"),
        new("provider", Phrase("Provider"), FieldType.Line, 200, false), new("eligibility", Phrase("Who is eligible"), FieldType.Line, 500, false),
        new("link", Phrase("More information"), FieldType.Url, 500, false));

    public static readonly SubmissionKind AeoEntry = Entry(PolicyCatalog.Aeo, Phrase("MSME provision of an AEO programme"),
        new SubmissionField("programme", Phrase("Programme"), FieldType.Line, 200, true));

    public static readonly SubmissionKind CovidEntry = Entry(PolicyCatalog.Covid, Phrase("COVID-19 support measure for MSMEs"),
        new SubmissionField("date", Phrase("Date"), FieldType.Date, 10, false));

    public static readonly IReadOnlyList<SubmissionKind> Kinds =
        [.. new[] { TprChecklist, GthQuestionnaire, RtaProvision, FinanceEntry, AeoEntry, CovidEntry }.Select(k => k with { OnPublish = PublishAsync })];

    // The entries a published version stands for; they replace those of the previous version, so the address
    // of each entry stays the same from one version to the next. Parties: those of the agreement an RTA
    // provision belongs to.
    public static IReadOnlyList<PolicyRecord> Records(Submission submission, IReadOnlyDictionary<string, string> content, IReadOnlyList<string> parties,
        DateTime now)
    {
        string? Get(string field) => content.GetValueOrDefault(field);
        int? Year(string field) => Get(field) is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : null;
        DateOnly? Date(string field) => Get(field) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        PolicyRecord Record(string part, PolicyDatabase database, string? category, string title, string text, Dictionary<string, string> details) => new()
        {
            Key = $"s{submission.Id}-{part}",
            Database = database,
            EconomyIso3 = submission.EconomyIso3,
            Category = category,
            Title = title,
            Text = text,
            Language = Get("language") ?? "en",
            Year = Year("year") ?? Date("answered-on")?.Year ?? Date("date")?.Year,
            Date = Date("answered-on") ?? Date("date"),
            SourceSymbol = Get("source")!,
            SourceLocation = Get("source-location"),
            SourceUrl = Get("source-link"),
            Details = JsonSerializer.Serialize(details),
            SubmissionId = submission.Id,
            SubmissionPart = part,
            RecordedAt = now,
            UpdatedAt = now,
        };
        Dictionary<string, string> Details(params string[] fields) =>
            fields.Where(f => Get(f) is not null).ToDictionary(f => f, f => Get(f)!);

        if (submission.Kind == TprChecklist.Key)
        {
            return PolicyCatalog.Tpr.Categories.Where(c => Get($"item-{c.Key}") is not null)
                .Select(c => Record(c.Key, PolicyDatabase.Tpr, c.Key, $"{Get("review")}: {c.Label}", Get($"item-{c.Key}")!, Details("review"))).ToList();
        }
        if (submission.Kind == RtaProvision.Key)
        {
            var record = Record("provision", PolicyDatabase.Rta, Get("category"), Get("title")!, Get("text")!,
                new(Details("reference")) { ["parties"] = string.Join(' ', parties) });
            record.EconomyIso3 = null;
            record.RtaId = int.Parse(Get("agreement")!, CultureInfo.InvariantCulture);
            return [record];
        }
        if (submission.Kind == GthQuestionnaire.Key)
        {
            return [Record("gth", PolicyDatabase.Package, "2", $"Global Trade Helpdesk questionnaire answered by {Get("agency")}", Get("answers")!, [])];
        }
        var database = PolicyCatalog.All.FirstOrDefault(d => submission.Kind == $"{d.Key}-entry");
        return database is null
            ? []
            : [Record("entry", database.Database, Get("category"), Get("title")!, Get("text")!, Details("programme", "provider", "eligibility", "link"))];
    }

    // Within the publishing transaction: the submission's previous entries go, the new version's come in.
    public static async Task PublishAsync(AppDbContext db, Submission submission, DateTime now, CancellationToken ct)
    {
        var content = SubmissionWorkflow.Fields(submission.PublishedContent!);
        var parties = content.GetValueOrDefault("agreement") is { } agreement ? await PartiesAsync(db, int.Parse(agreement, CultureInfo.InvariantCulture), ct) : [];
        var records = Records(submission, content, parties, now);
        var previous = await db.PolicyRecords.AsTracking().Where(r => r.SubmissionId == submission.Id).ToListAsync(ct);
        foreach (var record in records)
        {
            if (previous.FirstOrDefault(p => p.Key == record.Key) is { } kept)
            {
                record.Id = kept.Id;
                record.RecordedAt = kept.RecordedAt;
            }
        }
        db.PolicyRecords.RemoveRange(previous.Where(p => records.All(r => r.Key != p.Key)));
        await PolicyNames.IndexAsync(db, records, ct);
        foreach (var record in records)
        {
            if (record.Id == 0)
            {
                db.PolicyRecords.Add(record);
            }
            else
            {
                db.Entry(previous.First(p => p.Id == record.Id)).CurrentValues.SetValues(record);
            }
        }
    }

    // The agreement's parties today, or, for an agreement no longer in force, those it had.
    static async Task<IReadOnlyList<string>> PartiesAsync(AppDbContext db, int rtaId, CancellationToken ct)
    {
        var participations = await db.AgreementParticipations.Where(p => p.RtaId == rtaId).ToListAsync(ct);
        var current = participations.Where(p => p.To is null).ToList();
        return [.. (current.Count > 0 ? current : participations).Select(p => p.EconomyIso3).Distinct().Order(StringComparer.Ordinal)];
    }
}
