using System.Globalization;
using System.Text;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Submissions;

public enum FieldType
{
    Line,
    Email,
    Url,
    Markdown,

    // One of the field's options, by key.
    Choice,
    Year,
    Date,

    // One of the regional trade agreements the submitting economy is or was a party to, by RTA ID.
    Agreement,
}

public sealed record SubmissionField(string Name, string Label, FieldType Type, int MaxLength, bool Required, string? Help = null,
    IReadOnlyList<Policy.PolicyCategory>? Options = null);

// A kind of thing economies submit for publication, defined by its fields. The review workflow is the same
// for every kind; the policy databases add theirs in PolicySubmissions, which also says what a published
// version of each becomes in the databases.
public sealed record SubmissionKind(string Key, string Name, string TitleField, IReadOnlyList<SubmissionField> Fields,
    Func<IReadOnlyDictionary<string, string>, string?>? Check = null)
{
    // What publishing a version also changes, inside the publishing transaction (policy entries, for instance).
    public Func<AppDbContext, Submission, DateTime, CancellationToken, Task>? OnPublish { get; init; }

    // The office that answers MSMEs' questions on trade for the economy: what the economy pages and the
    // "enquiry and contact points" guide point to.
    public static readonly SubmissionKind ContactPoint = new("contact-point", Phrase("MSME contact point"), "organisation",
    [
        new("organisation", Phrase("Organisation"), FieldType.Line, 200, true),
        new("unit", Phrase("Unit or office"), FieldType.Line, 200, false),
        new("helps-with", Phrase("What it helps MSMEs with"), FieldType.Line, 300, true,
            Phrase("For example: import and export requirements, trade finance, standards and technical regulations.")),
        new("email", Phrase("Email"), FieldType.Email, 254, false),
        new("phone", Phrase("Telephone"), FieldType.Line, 50, false),
        new("website", Phrase("Website"), FieldType.Url, 500, false),
        new("details", Phrase("Details"), FieldType.Markdown, 5000, false, Phrase("Markdown: **bold**, lists, [links](https://example.org). HTML is shown as text.")),
    ]);

    public static readonly IReadOnlyList<SubmissionKind> All = [ContactPoint, .. Policy.PolicySubmissions.Kinds];

    public static SubmissionKind? Find(string? key) => All.FirstOrDefault(k => k.Key == key);

    // Trims and checks every field; problems are keyed by field name, in English for the page to translate.
    // Choices gives the options of the fields whose options depend on the economy (agreements).
    public Dictionary<string, string> Clean(IReadOnlyDictionary<string, string?> input, IReadOnlyDictionary<string, IReadOnlyList<Policy.PolicyCategory>> choices,
        out Dictionary<string, string> problems)
    {
        problems = [];
        var clean = new Dictionary<string, string>();
        foreach (var field in Fields)
        {
            var value = (input.GetValueOrDefault(field.Name) ?? "").Replace("\r\n", "\n").Trim().Normalize(NormalizationForm.FormC);
            if (value.Length == 0)
            {
                if (field.Required)
                {
                    problems[field.Name] = Phrase("This field is required.");
                }
                continue;
            }
            if (value.Length > field.MaxLength)
            {
                problems[field.Name] = Phrase("This text is too long for this field.");
                continue;
            }
            if (HasHiddenCharacters(value, allowNewLines: field.Type == FieldType.Markdown))
            {
                problems[field.Name] = Phrase("Remove the control or invisible characters from this field.");
                continue;
            }
            switch (field.Type)
            {
                case FieldType.Email when AccountRules.NormalizeEmail(value) is not { } email:
                    problems[field.Name] = Phrase("Enter an email address such as name@example.org.");
                    continue;
                case FieldType.Email:
                    value = AccountRules.NormalizeEmail(value)!;
                    break;
                case FieldType.Url when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp):
                    problems[field.Name] = Phrase("Enter a web address starting with https://.");
                    continue;
                case FieldType.Choice when field.Options?.Any(o => o.Key == value) != true:
                    problems[field.Name] = Phrase("Choose one of the options.");
                    continue;
                case FieldType.Agreement when choices.GetValueOrDefault(field.Name)?.Any(o => o.Key == value) != true:
                    problems[field.Name] = Phrase("Choose an agreement your economy is or was a party to.");
                    continue;
                case FieldType.Year when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1947 or > 2100:
                    problems[field.Name] = Phrase("Enter a year such as 2024.");
                    continue;
                case FieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    problems[field.Name] = Phrase("Enter a date such as 2024-07-01.");
                    continue;
            }
            clean[field.Name] = value;
        }
        if (problems.Count == 0 && Check?.Invoke(clean) is { } problem)
        {
            problems[""] = problem;
        }
        return clean;
    }

    public string TitleOf(IReadOnlyDictionary<string, string> content) => content.GetValueOrDefault(TitleField) ?? Name;

    // Control characters, and the invisible ones that reorder or hide text (bidirectional overrides, zero width).
    static bool HasHiddenCharacters(string value, bool allowNewLines) =>
        value.EnumerateRunes().Any(r =>
            (r.Value == '\n' || r.Value == '\t') ? !allowNewLines
            : Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
