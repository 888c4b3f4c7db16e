using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Policy;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Importing;

// Policy records as CSV: the shipped entries (data/policy/records.csv), the export of a search, and what the
// import reads back, all in the same columns. Export adds columns for people (economy and category names, the
// record's address); reading ignores them.
public static class PolicyRecordFile
{
    public const int MaxTextLength = 20_000;

    static readonly string[] Columns =
    [
        "key", "database", "economy", "agreement", "category", "title", "text", "language", "year", "date",
        "source_symbol", "source_location", "source_url", .. PolicyCatalog.DetailFields.Select(f => f.Key),
    ];

    static readonly string[] RequiredColumns = ["key", "database", "title", "text", "language", "source_symbol"];

    public sealed record Problem(int Line, string Message);

    public static void Write(TextWriter writer, IEnumerable<PolicyRecord> records, IReadOnlyDictionary<string, string> economyNames,
        IReadOnlyDictionary<int, string> agreementNames, Func<string, string> translate, string lang, string baseUrl)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns.Concat(["economy_name", "agreement_name", "category_label", "url"]))
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var r in records)
        {
            var details = Details(r.Details);
            string?[] fields =
            [
                r.Key, PolicyCatalog.Of(r.Database).Key, r.EconomyIso3, r.RtaId?.ToString(CultureInfo.InvariantCulture), r.Category, r.Title,
                r.Text, r.Language, r.Year?.ToString(CultureInfo.InvariantCulture), r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.SourceSymbol, r.SourceLocation, r.SourceUrl, .. PolicyCatalog.DetailFields.Select(f => details.GetValueOrDefault(f.Key)),
                r.EconomyIso3 is { } e ? economyNames.GetValueOrDefault(e) : null, r.RtaId is { } a ? agreementNames.GetValueOrDefault(a) : null,
                translate(PolicyCatalog.CategoryLabel(r.Database, r.Category)),
                baseUrl + PolicySearch.Url(r.Key, lang),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field ?? "");
            }
            csv.NextRecord();
        }
    }

    public static Dictionary<string, string> Details(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    // The economies an RTA provision binds (Details "parties"): the provision's, which may be fewer than the
    // agreement's (one bilateral protocol under a regional framework).
    public static IReadOnlyList<string> Parties(IReadOnlyDictionary<string, string> details) =>
        details.GetValueOrDefault("parties")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    // Every row checked; any problem and nothing is returned, so an import stores all rows or none.
    public static (List<PolicyRecord> Records, List<Problem> Problems) Read(
        TextReader reader, IReadOnlySet<string> economies, IReadOnlySet<int> agreements, DateTime now)
    {
        var records = new List<PolicyRecord>();
        var problems = new List<Problem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        List<Dictionary<string, string>> rows;
        try
        {
            rows = Csv.ReadRows(reader);
        }
        catch (Exception e) when (e is CsvHelperException or ArgumentException)
        {
            return ([], [new Problem(1, "The file is not CSV with a header row.")]);
        }
        var missing = RequiredColumns.Where(c => rows.Count > 0 && !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [new Problem(1, $"Missing columns: {string.Join(", ", missing)}.")]);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2;
            var row = rows[i];
            string? Get(string column) => row.GetValueOrDefault(column)?.NullIfEmpty();
            void Fail(string message) => problems.Add(new Problem(line, message));

            var key = Get("key");
            if (key is null || key.Length > 120 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                Fail("key must be letters, digits and hyphens, at most 120 characters.");
            }
            else if (!keys.Add(key))
            {
                Fail($"key \"{key}\" appears twice.");
            }
            var database = PolicyCatalog.Find(Get("database"));
            if (database is null)
            {
                Fail($"database must be one of {string.Join(", ", PolicyCatalog.All.Select(d => d.Key))}, not \"{Get("database")}\".");
            }
            var economy = Get("economy")?.ToUpperInvariant();
            if (economy is not null && !economies.Contains(economy))
            {
                Fail($"economy \"{economy}\" is not the ISO3 code of a known economy.");
            }
            int? agreement = null;
            if (Get("agreement") is { } rta)
            {
                if (int.TryParse(rta, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && agreements.Contains(id))
                {
                    agreement = id;
                }
                else
                {
                    Fail($"agreement \"{rta}\" is not the RTA ID of an agreement in the WTO RTA database.");
                }
            }
            if (database is not null && economy is null && (database.Database != PolicyDatabase.Rta || agreement is null))
            {
                Fail(database.Database == PolicyDatabase.Rta ? "An RTA provision needs its agreement (RTA ID) or an economy." : "economy is required.");
            }
            if (database is not null && database.Database != PolicyDatabase.Rta && Get("parties") is not null)
            {
                Fail("parties is for RTA provisions only.");
            }
            var category = Get("category");
            if (category is not null && database is not null && database.Category(category) is null)
            {
                Fail($"category \"{category}\" does not exist in {database.Key}; use one of {string.Join(", ", database.Categories.Select(c => c.Key))}.");
            }
            var title = Get("title");
            var text = Get("text");
            if (title is null || title.Length > 300)
            {
                Fail("title is required, at most 300 characters.");
            }
            if (text is null || text.Length > MaxTextLength)
            {
                Fail($"text is required, at most {MaxTextLength:N0} characters.");
            }
            var language = Get("language");
            if (!Languages.IsSupported(language))
            {
                Fail($"language must be en, fr or es, not \"{language}\".");
            }
            int? year = null;
            if (Get("year") is { } y)
            {
                if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1947 and <= 2100)
                {
                    year = value;
                }
                else
                {
                    Fail($"year \"{y}\" is not a year.");
                }
            }
            var date = Get("date")?.IsoDate();
            if (Get("date") is { } d && date is null)
            {
                Fail($"date \"{d}\" is not a date (yyyy-mm-dd).");
            }
            var symbol = Get("source_symbol");
            if (symbol is null || symbol.Length > 200)
            {
                Fail("source_symbol is required: the symbol of the document the entry is taken from.");
            }
            var url = Get("source_url");
            if (url is not null && !IsWebAddress(url))
            {
                Fail($"source_url \"{url}\" is not a web address starting with https:// or http://.");
            }
            var details = PolicyCatalog.DetailFields.Select(f => (f.Key, Value: Get(f.Key))).Where(f => f.Value is not null)
                .ToDictionary(f => f.Key, f => f.Value!);
            if (details.GetValueOrDefault("link") is { } link && !IsWebAddress(link))
            {
                Fail($"link \"{link}\" is not a web address starting with https:// or http://.");
            }
            if (details.ContainsKey("parties"))
            {
                var parties = Parties(details).Select(p => p.ToUpperInvariant()).ToList();
                if (parties.FirstOrDefault(p => !economies.Contains(p)) is { } unknown)
                {
                    Fail($"parties: \"{unknown}\" is not the ISO3 code of a known economy (separate codes with spaces).");
                }
                details["parties"] = string.Join(' ', parties.Distinct());
            }
            if (problems.Count > 0 || database is null)
            {
                continue;
            }
            records.Add(new PolicyRecord
            {
                Key = key!,
                Database = database.Database,
                EconomyIso3 = economy,
                RtaId = agreement,
                Category = category,
                Title = title!,
                Text = text!,
                Language = language!,
                Year = year ?? date?.Year,
                Date = date,
                SourceSymbol = symbol!,
                SourceLocation = Get("source_location"),
                SourceUrl = url,
                Details = JsonSerializer.Serialize(details),
                RecordedAt = now,
                UpdatedAt = now,
            });
        }
        return problems.Count > 0 ? ([], problems) : (records, problems);
    }

    static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    // What the full-text index reads: the record's own words plus the names of its economy and agreement in
    // every interface language, so "Canadá" finds Canada's records.
    public static string SearchTerms(PolicyRecord record, IEnumerable<string> names) =>
        PolicyText.Terms(record.Language, [record.Title, record.Text, record.SourceSymbol, .. Details(record.Details).Values, .. names]);
}
