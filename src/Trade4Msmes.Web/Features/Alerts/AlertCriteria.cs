using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Features.Alerts;

// What an alert (a subscription or a feed) asks for, read once: products as HS codes, markets as the ISO3
// codes they stand for (a region is its economies), keywords as phrases of stemmed words, and kinds.
// Criteria combine with "and", the values of one criterion with "or"; an empty criterion does not restrict.
public sealed class AlertCriteria
{
    public AlertCriteria(IReadOnlyList<string> products, IReadOnlySet<string> markets, IEnumerable<string> keywords, AlertKinds kinds)
    {
        Products = products;
        Markets = markets;
        Keywords = keywords.Select(Phrase).Where(p => p.Length > 0).ToList();
        Kinds = kinds;
    }

    public IReadOnlyList<string> Products { get; }

    public IReadOnlySet<string> Markets { get; }

    public IReadOnlyList<string[]> Keywords { get; }

    public AlertKinds Kinds { get; }

    public bool CoversMarket(string iso3) => Markets.Count == 0 || Markets.Contains(iso3);

    // A subscription to heading 0901 covers a notification of subheading 090121, and one of chapter 09.
    public bool CoversProducts(IEnumerable<string> codes) =>
        Products.Count == 0 || codes.Any(c => Products.Any(p => Overlap(p, c)));

    public bool CoversWords(IReadOnlySet<string> words) =>
        Keywords.Count == 0 || Keywords.Any(phrase => phrase.All(words.Contains));

    public bool Covers(Notification n, IReadOnlySet<string> words) =>
        Kinds.HasFlag(n.Domain == NotificationDomain.Sps ? AlertKinds.Sps : AlertKinds.Tbt)
        && CoversMarket(n.MemberIso3)
        && CoversProducts(n.HsCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        && CoversWords(words);

    public static bool Overlap(string a, string b) =>
        a.Length <= b.Length ? b.StartsWith(a, StringComparison.Ordinal) : a.StartsWith(b, StringComparison.Ordinal);

    // The words a text is matched on: folded (accents, case), stemmed, so "Coffees" matches "coffee".
    public static HashSet<string> WordsOf(string? text) =>
        TextNormalizer.Words(TextNormalizer.Fold(text ?? "")).Select(TextNormalizer.Stem).ToHashSet(StringComparer.Ordinal);

    static string[] Phrase(string keyword) => WordsOf(keyword).ToArray();

    // Markets as stored ("USA 150 KEN") to ISO3 codes: a number is a UN M49 region or sub-region.
    public static IReadOnlySet<string> ExpandMarkets(string stored, IReadOnlyDictionary<int, IReadOnlyList<string>> regions)
    {
        var markets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var market in stored.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(market, System.Globalization.CultureInfo.InvariantCulture, out var region))
            {
                markets.UnionWith(regions.GetValueOrDefault(region) ?? []);
            }
            else
            {
                markets.Add(market);
            }
        }
        return markets;
    }

    public static AlertCriteria Of(Subscription s, IReadOnlyDictionary<int, IReadOnlyList<string>> regions) =>
        new(Split(s.Products), ExpandMarkets(s.Markets, regions), s.Keywords.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), s.Kinds);

    static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
