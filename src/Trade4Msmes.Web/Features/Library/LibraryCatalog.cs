using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Search;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Library;

public sealed record LibraryRecord(
    string Id, string Url, string Organisation, string Type, string Audience, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Languages, DateOnly? Checked, string CheckNote,
    IReadOnlyDictionary<string, (string Title, string Summary)> Texts)
{
    public (string Title, string Summary) In(string lang) =>
        Texts.TryGetValue(lang, out var text) ? text : Texts.GetValueOrDefault(Web.Languages.Default, (Id, ""));

    public bool IsTranslated(string lang) => Texts.ContainsKey(lang);
}

public sealed record LibraryFilter(string? Q = null, string? Topic = null, string? Audience = null, string? Type = null, string? Available = null, string? Region = null);

public sealed record FacetCount(string Value, int Count);

public sealed record LibraryAnswer(IReadOnlyList<LibraryRecord> Records, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

// The curated resource library (content/library/*.csv): a few hundred records at most, so it is searched in
// memory; each facet is counted with the other facets applied, as in the policy databases.
public sealed class LibraryCatalog
{
    public static readonly IReadOnlyList<(string Value, string Name)> TopicNames =
    [
        ("readiness", Phrase("Readiness to trade")), ("markets", Phrase("Choosing markets")), ("classification", Phrase("Product classification")),
        ("tariffs", Phrase("Duties and taxes")), ("standards", Phrase("Rules and standards")), ("origin", Phrase("Trade agreements and origin")),
        ("customs", Phrase("Documents and customs")), ("ecommerce", Phrase("Selling online")), ("finance", Phrase("Payment and finance")),
        ("shipping", Phrase("Shipping and logistics")), ("disputes", Phrase("Problems and disputes")), ("services", Phrase("Trade in services")),
        ("policy", Phrase("MSME policy")), ("regulation", Phrase("Good regulatory practice")), ("digital", Phrase("Digital trade")),
        ("women", Phrase("Women-led businesses")), ("data", Phrase("Trade data and statistics")),
    ];

    public static readonly IReadOnlyList<(string Value, string Name)> TypeNames =
    [
        ("guide", Phrase("Guide")), ("tool", Phrase("Tool")), ("database", Phrase("Database")), ("report", Phrase("Report")),
        ("course", Phrase("Course")), ("video", Phrase("Video")),
    ];

    public static readonly IReadOnlyList<(string Value, string Name)> AudienceNames =
        [("business", Phrase("Businesses")), ("policy", Phrase("Policymakers")), ("both", Phrase("Businesses and policymakers"))];

    public static readonly IReadOnlyList<(string Value, string Name)> RegionNames =
    [
        ("world", Phrase("Whole world")), ("Africa", Phrase("Africa")), ("Americas", Phrase("Americas")), ("Asia", Phrase("Asia")),
        ("Europe", Phrase("Europe")), ("Oceania", Phrase("Oceania")),
    ];

    // Resources come in more languages than the site's; they are named as their readers name them.
    public static string LanguageName(string code) => code switch
    {
        "ar" => "العربية",
        "zh" => "中文",
        "ru" => "Русский",
        "pt" => "Português",
        "de" => "Deutsch",
        _ => Web.Languages.NativeName(code),
    };

    public LibraryCatalog(ContentStore store)
    {
        var texts = Web.Languages.Supported.ToDictionary(
            lang => lang,
            lang => store.Text($"library/resources.{lang}.csv") is { } csv
                ? Csv.ReadRows(new StringReader(csv)).ToDictionary(r => r["id"], r => (r["title"], r["summary"]))
                : []);
        var rows = store.Text("library/resources.csv") is { } main ? Csv.ReadRows(new StringReader(main)) : [];
        Records = rows.Select(r => new LibraryRecord(
                r["id"], r["url"], r["organisation"], r["type"], r["audience"], Split(r["topics"]), Split(r["regions"]),
                Split(r["languages"]), r.GetValueOrDefault("checked", "").IsoDate(), r.GetValueOrDefault("check_note", ""),
                texts.Where(t => t.Value.ContainsKey(r["id"])).ToDictionary(t => t.Key, t => t.Value[r["id"]])))
            .ToList();
    }

    public IReadOnlyList<LibraryRecord> Records { get; }

    public LibraryRecord? Find(string id) => Records.FirstOrDefault(r => r.Id == id);

    // The few resources a guide or roadmap stop shows for its topic, for its readers (business or policy).
    public IReadOnlyList<LibraryRecord> ForPage(ContentEntry page, string audience, string lang) =>
        page.Meta("topic") is { } topic ? Search(new LibraryFilter(Topic: topic, Audience: audience), lang).Records.Take(6).ToList() : [];

    public LibraryAnswer Search(LibraryFilter filter, string lang)
    {
        var words = string.IsNullOrWhiteSpace(filter.Q) ? [] : TextNormalizer.Words(TextNormalizer.Fold(filter.Q));
        var matching = Records.Where(r => words.All(w => Haystack(r, lang).Contains(w, StringComparison.Ordinal))).ToList();

        bool Passes(LibraryRecord r, string? skip) =>
            (skip == "topic" || filter.Topic is null || r.Topics.Contains(filter.Topic))
            && (skip == "audience" || filter.Audience is null || r.Audience == filter.Audience || r.Audience == "both" && filter.Audience != "both")
            && (skip == "type" || filter.Type is null || r.Type == filter.Type)
            && (skip == "available" || filter.Available is null || r.Languages.Contains(filter.Available))
            && (skip == "region" || filter.Region is null || r.Regions.Contains(filter.Region));

        IReadOnlyList<FacetCount> Count(string facet, Func<LibraryRecord, IEnumerable<string>> values) =>
            matching.Where(r => Passes(r, facet)).SelectMany(values).GroupBy(v => v)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["topic"] = Count("topic", r => r.Topics),
            ["audience"] = Count("audience", r => [r.Audience]),
            ["type"] = Count("type", r => [r.Type]),
            ["available"] = Count("available", r => r.Languages),
            ["region"] = Count("region", r => r.Regions),
        };
        var records = matching.Where(r => Passes(r, null))
            .OrderBy(r => r.In(lang).Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(lang), true))
            .ToList();
        return new LibraryAnswer(records, facets);
    }

    // Title, summary and organisation in the reader's language and in English, folded, so "douane" and "customs" both find a record.
    static string Haystack(LibraryRecord r, string lang) =>
        TextNormalizer.Fold($"{r.In(lang).Title} {r.In(lang).Summary} {r.In(Web.Languages.Default).Title} {r.In(Web.Languages.Default).Summary} {r.Organisation} {r.Id}");

    static string[] Split(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
