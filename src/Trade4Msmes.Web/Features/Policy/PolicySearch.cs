using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Features.Policy;

// A search of the policy databases: every word of the text (any of its English, French or Spanish stems),
// narrowed by facets. Null means "any".
public sealed record PolicyFilter(
    string? Text = null, PolicyDatabase? Database = null, string? Economy = null, int? Region = null, string? Category = null,
    int? Agreement = null, int? Year = null, string? Language = null);

public sealed record PolicyFacetValue(string Value, string Label, int Count);

public sealed record PolicyFacets(
    IReadOnlyList<PolicyFacetValue> Databases, IReadOnlyList<PolicyFacetValue> Economies, IReadOnlyList<PolicyFacetValue> Regions,
    IReadOnlyList<PolicyFacetValue> Categories, IReadOnlyList<PolicyFacetValue> Agreements, IReadOnlyList<PolicyFacetValue> Years,
    IReadOnlyList<PolicyFacetValue> Languages);

public sealed record PolicyHitDto(
    string Key, string Database, string? Economy, string? EconomyName, int? Agreement, string? AgreementName, string? Category,
    string CategoryLabel, string Title, string Language, int? Year, string SourceSymbol, string? SourceLocation, string Snippet, string Url);

public sealed record PolicySearchResult(int Total, int Offset, int Limit, IReadOnlyList<PolicyHitDto> Results, PolicyFacets Facets);

public sealed class PolicySearch(AppDbContext db)
{
    public const int MaxLimit = 100;
    const int MaxWords = 10;
    const int SnippetWords = 36;

    sealed record Match(int Id, double Rank);

    // A matching record as the facets see it: the economies are the record's, or the parties of an RTA provision.
    sealed record Row(int Id, PolicyDatabase Database, IReadOnlyList<string> Economies, IReadOnlyList<int> Regions, int? RtaId, string? Category,
        int? Year, string Language, double Rank);

    sealed record Matched(int Id, PolicyDatabase Database, string? EconomyIso3, string? Parties, int? RtaId, string? Category, int? Year,
        string Language, double Rank);

    public async Task<PolicySearchResult> SearchAsync(PolicyFilter filter, int offset, int limit, string lang, CancellationToken ct)
    {
        var rows = await MatchingAsync(filter.Text, ct);
        var hits = Ranked(filter, rows);
        var facets = await FacetsAsync(filter, rows, lang, ct);
        var page = hits.Skip(offset).Take(limit).ToList();
        var records = await db.PolicyRecords.Where(r => page.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var results = await HitsAsync(page.Select(id => records[id]).ToList(), filter.Text, lang, ct);
        return new PolicySearchResult(hits.Count, offset, limit, results, facets);
    }

    // Every matching record in full, best first, for export.
    public async Task<IReadOnlyList<PolicyRecord>> AllAsync(PolicyFilter filter, CancellationToken ct)
    {
        var ids = Ranked(filter, await MatchingAsync(filter.Text, ct));
        var records = await db.PolicyRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return ids.Select(id => records[id]).ToList();
    }

    static List<int> Ranked(PolicyFilter filter, List<Row> rows) =>
        rows.Where(r => Keeps(filter, r)).OrderBy(r => r.Rank).ThenByDescending(r => r.Year).ThenBy(r => r.Id).Select(r => r.Id).ToList();

    // The records whose words match, with their relevance (lower is better), before any facet is applied.
    async Task<List<Row>> MatchingAsync(string? text, CancellationToken ct)
    {
        var words = QueryWords(text);
        // Only RTA provisions list parties, so only their details come along.
        var records = db.PolicyRecords.AsNoTracking();
        List<Matched> matched;
        if (words.Count == 0)
        {
            matched = await records.Select(r => new Matched(r.Id, r.Database, r.EconomyIso3, r.Database == PolicyDatabase.Rta ? r.Details : null,
                r.RtaId, r.Category, r.Year, r.Language, 0)).ToListAsync(ct);
        }
        else
        {
            var matches = db.Database.IsNpgsql()
                ? db.Database.SqlQueryRaw<Match>("""
                    SELECT "Id", -ts_rank(to_tsvector('simple', "SearchTerms"), to_tsquery('simple', {0}))::float8 AS "Rank"
                    FROM policy_records WHERE to_tsvector('simple', "SearchTerms") @@ to_tsquery('simple', {0})
                    """, string.Join(" & ", words.Select(stems => $"({string.Join(" | ", stems)})")))
                : db.Database.SqlQueryRaw<Match>("""
                    SELECT rowid AS "Id", bm25(policy_records_fts) AS "Rank" FROM policy_records_fts WHERE policy_records_fts MATCH {0}
                    """, string.Join(" AND ", words.Select(stems => $"({string.Join(" OR ", stems.Select(s => $"\"{s}\""))})")));
            matched = await (from r in records
                             join m in matches on r.Id equals m.Id
                             select new Matched(r.Id, r.Database, r.EconomyIso3, r.Database == PolicyDatabase.Rta ? r.Details : null,
                                 r.RtaId, r.Category, r.Year, r.Language, m.Rank)).ToListAsync(ct);
        }
        var economies = matched.ToDictionary(m => m.Id, m => (IReadOnlyList<string>)[.. PolicyNames.Economies(m.EconomyIso3, m.Parties)]);
        var codes = economies.Values.SelectMany(e => e).Distinct().ToList();
        var regions = await db.Economies.Where(e => codes.Contains(e.Iso3) && e.RegionCode != null)
            .ToDictionaryAsync(e => e.Iso3, e => e.RegionCode!.Value, ct);
        return matched.Select(m => new Row(m.Id, m.Database, economies[m.Id],
            [.. economies[m.Id].Where(regions.ContainsKey).Select(e => regions[e]).Distinct()], m.RtaId, m.Category, m.Year, m.Language, m.Rank)).ToList();
    }

    // Each word of the query as the stems it may have; words that say nothing on their own are left out.
    public static List<IReadOnlyList<string>> QueryWords(string? text) =>
        PolicyText.Words(text ?? "").Select(w => w.Word).Where(w => !PolicyText.IsStopWord(w)).Distinct().Take(MaxWords)
            .Select(PolicyText.QueryStems).ToList();

    static bool Keeps(PolicyFilter f, Row r, string? except = null) =>
        (except == "database" || f.Database is null || r.Database == f.Database)
        && (except == "economy" || f.Economy is null || r.Economies.Contains(f.Economy))
        && (except == "region" || f.Region is null || r.Regions.Contains(f.Region.Value))
        && (except == "category" || f.Category is null || r.Category == f.Category)
        && (except == "agreement" || f.Agreement is null || r.RtaId == f.Agreement)
        && (except == "year" || f.Year is null || r.Year == f.Year)
        && (except == "language" || f.Language is null || r.Language == f.Language);

    // For each facet, the values among the records the other facets keep, so choosing one value shows what
    // choosing another instead would give.
    async Task<PolicyFacets> FacetsAsync(PolicyFilter filter, List<Row> rows, string lang, CancellationToken ct)
    {
        List<(T Value, int Count)> Count<T>(string facet, Func<Row, T?> value) where T : struct =>
            rows.Where(r => Keeps(filter, r, facet)).Select(value).OfType<T>().GroupBy(v => v).Select(g => (g.Key, g.Count())).ToList();
        // An RTA provision counts once for each of its parties.
        List<(T Value, int Count)> CountEach<T>(string facet, Func<Row, IEnumerable<T>> values) where T : notnull =>
            rows.Where(r => Keeps(filter, r, facet)).SelectMany(values).GroupBy(v => v).Select(g => (g.Key, g.Count())).ToList();
        List<(string Value, int Count)> CountText(string facet, Func<Row, string?> value) =>
            CountEach(facet, r => value(r) is { } v ? [v] : Array.Empty<string>());

        var economies = CountEach("economy", r => r.Economies);
        var regions = CountEach("region", r => r.Regions);
        var agreements = Count("agreement", r => r.RtaId);
        var economyNames = await EconomyNamesAsync(economies.Select(e => e.Value), lang, ct);
        var regionCodes = regions.Select(r => r.Value).ToList();
        var regionNames = (await db.Regions.Where(r => regionCodes.Contains(r.Code)).ToListAsync(ct)).ToDictionary(r => r.Code, r => r.Name(lang));
        var agreementNames = await AgreementNamesAsync(agreements.Select(a => a.Value), ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);

        // Categories mean something within one database only ("other" is in several).
        var categories = filter.Database is { } database
            ? CountText("category", r => r.Category).Select(c => new PolicyFacetValue(c.Value, PolicyCatalog.CategoryLabel(database, c.Value), c.Count))
                .OrderBy(c => c.Value, StringComparer.Ordinal).ToList()
            : [];
        return new PolicyFacets(
            Count<PolicyDatabase>("database", r => r.Database).OrderBy(d => d.Value)
                .Select(d => new PolicyFacetValue(PolicyCatalog.Of(d.Value).Key, PolicyCatalog.Of(d.Value).Name, d.Count)).ToList(),
            economies.Select(e => new PolicyFacetValue(e.Value, economyNames.GetValueOrDefault(e.Value, e.Value), e.Count)).OrderBy(e => e.Label, collation).ToList(),
            regions.Select(r => new PolicyFacetValue(r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), regionNames.GetValueOrDefault(r.Value, ""), r.Count))
                .OrderBy(r => r.Label, collation).ToList(),
            categories,
            agreements.Select(a => new PolicyFacetValue(a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), agreementNames.GetValueOrDefault(a.Value, ""), a.Count))
                .OrderBy(a => a.Label, collation).ToList(),
            Count("year", r => r.Year).OrderByDescending(y => y.Value)
                .Select(y => new PolicyFacetValue(y.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count)).ToList(),
            CountText("language", r => r.Language).OrderBy(l => l.Value, StringComparer.Ordinal).Select(l => new PolicyFacetValue(l.Value, l.Value, l.Count)).ToList());
    }

    async Task<IReadOnlyList<PolicyHitDto>> HitsAsync(IReadOnlyList<PolicyRecord> records, string? text, string lang, CancellationToken ct)
    {
        var economyNames = await EconomyNamesAsync(records.Select(r => r.EconomyIso3).OfType<string>(), lang, ct);
        var agreementNames = await AgreementNamesAsync(records.Select(r => r.RtaId).OfType<int>(), ct);
        var stems = QueryWords(text).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        return records.Select(r => new PolicyHitDto(
            r.Key, PolicyCatalog.Of(r.Database).Key, r.EconomyIso3, r.EconomyIso3 is { } e ? economyNames.GetValueOrDefault(e) : null,
            r.RtaId, r.RtaId is { } a ? agreementNames.GetValueOrDefault(a) : null, r.Category, PolicyCatalog.CategoryLabel(r.Database, r.Category),
            r.Title, r.Language, r.Year, r.SourceSymbol, r.SourceLocation, Snippet(r.Text, r.Language, stems), Url(r.Key, lang))).ToList();
    }

    public async Task<Dictionary<string, string>> EconomyNamesAsync(IEnumerable<string> iso3s, string lang, CancellationToken ct)
    {
        var codes = iso3s.Distinct().ToList();
        return (await db.Economies.Where(e => codes.Contains(e.Iso3)).ToListAsync(ct)).ToDictionary(e => e.Iso3, e => e.Name(lang));
    }

    public async Task<Dictionary<int, string>> AgreementNamesAsync(IEnumerable<int> rtaIds, CancellationToken ct)
    {
        var ids = rtaIds.Distinct().ToList();
        return await db.TradeAgreements.Where(a => ids.Contains(a.RtaId)).ToDictionaryAsync(a => a.RtaId, a => a.Name, ct);
    }

    public static string Url(string key, string lang) => $"/{lang}/policy/records/{key}";

    // The part of the text with the most query words, HTML-escaped, each matched word in <mark>.
    public static string Snippet(string text, string language, IReadOnlySet<string> stems)
    {
        var words = PolicyText.Words(text).ToList();
        if (words.Count == 0)
        {
            return "";
        }
        var matched = words.Select(w => stems.Count > 0 && (stems.Contains(PolicyText.Stem(w.Word, language)) || stems.Contains(w.Word))).ToList();
        // The window of SnippetWords words with the most matches, counted by sliding it one word at a time.
        var start = 0;
        var count = matched.Take(SnippetWords).Count(m => m);
        var best = count;
        for (var i = 1; i + SnippetWords <= words.Count; i++)
        {
            count += (matched[i + SnippetWords - 1] ? 1 : 0) - (matched[i - 1] ? 1 : 0);
            if (count > best)
            {
                (best, start) = (count, i);
            }
        }
        start = Math.Max(0, start - 4);
        var end = Math.Min(words.Count, start + SnippetWords);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append("… ");
        }
        var from = words[start].Start;
        for (var i = start; i < end; i++)
        {
            html.Append(WebUtility.HtmlEncode(text[from..words[i].Start]));
            var word = WebUtility.HtmlEncode(text[words[i].Start..words[i].End]);
            html.Append(matched[i] ? $"<mark>{word}</mark>" : word);
            from = words[i].End;
        }
        if (end < words.Count)
        {
            html.Append(" …");
        }
        return html.ToString();
    }
}
