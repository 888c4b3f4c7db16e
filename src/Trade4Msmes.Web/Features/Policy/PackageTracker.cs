using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Policy;

public sealed record PackageActionDto(string Title, DateOnly? Date, int? Year, string Source, string? SourceLocation, string Url);

public sealed record PackageEconomyDto(string Economy, string Name, bool MsmeGroupMember, IReadOnlyList<PackageActionDto> Actions);

public sealed record PackageAnnexDto(int Annex, string Title, string Instrument, IReadOnlyList<PackageEconomyDto> Economies);

// The Global Trade Helpdesk questionnaire of Annex 2: due within a year of the package, then every two years.
public sealed record GthStatusDto(string Economy, string Name, DateOnly? LastAnswered, DateOnly NextDue, bool Overdue);

public sealed record PackageTrackerDto(DateOnly Adopted, IReadOnlyList<PackageAnnexDto> Annexes, IReadOnlyList<GthStatusDto> GthCycle);

// Which economies did what under each annex of the December 2020 package (INF/MSME/4/Rev.2), read from the
// policy databases rather than typed again: a TPR entry is an Annex 1 action, an AEO entry an Annex 3 action,
// an access-to-finance entry an Annex 6 action, and the package database holds the rest.
public sealed class PackageTracker(AppDbContext db)
{
    public static readonly DateOnly Adopted = new(2020, 12, 11);

    // Annex 2 asks for the questionnaire within a year of adoption and then every two years (IISD's summary of
    // the declaration, docs/research/founding-document-facts.md, PKG-17).
    public static readonly DateOnly FirstGthDue = Adopted.AddYears(1);
    public const int GthCycleYears = 2;

    public static readonly IReadOnlyList<(int Annex, string Title, string Instrument)> Annexes =
    [
        (1, Phrase("MSME information in Trade Policy Reviews"), Phrase("Recommendation on the collection and maintenance of MSME-related information")),
        (2, Phrase("Access to information"), Phrase("Declaration on access to information (Global Trade Helpdesk)")),
        (3, Phrase("Trade facilitation"), Phrase("Declaration on the promotion of the Trade Facilitation Agreement for MSMEs")),
        (4, Phrase("Regulatory development"), Phrase("Recommendation on MSMEs in domestic regulatory development")),
        (5, Phrase("Integrated Database"), Phrase("Recommendation on the Integrated Database (IDB)")),
        (6, Phrase("Access to finance"), Phrase("Declaration on access to finance and cross-border payments")),
    ];

    // The annex a record is an action under, or null for an entry that is not one (an RTA provision, a COVID measure).
    public static int? AnnexOf(PolicyRecord r) => r.Database switch
    {
        PolicyDatabase.Tpr => 1,
        PolicyDatabase.Aeo => 3,
        PolicyDatabase.Finance => 6,
        PolicyDatabase.Package when int.TryParse(r.Category, out var annex) && annex is >= 1 and <= 6 => annex,
        _ => null,
    };

    public async Task<PackageTrackerDto> BuildAsync(int? region, bool msmeGroupOnly, DateOnly today, string lang, CancellationToken ct)
    {
        var economies = await db.Economies.AsNoTracking().Where(e => (region == null || e.RegionCode == region) && (!msmeGroupOnly || e.IsMsmeGroupMember))
            .ToDictionaryAsync(e => e.Iso3, ct);
        var records = (await db.PolicyRecords.AsNoTracking()
                .Where(r => r.EconomyIso3 != null && (r.Database == PolicyDatabase.Tpr || r.Database == PolicyDatabase.Aeo
                    || r.Database == PolicyDatabase.Finance || r.Database == PolicyDatabase.Package))
                .ToListAsync(ct))
            .Where(r => economies.ContainsKey(r.EconomyIso3!) && AnnexOf(r) is not null).ToList();
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);

        var annexes = Annexes.Select(a => new PackageAnnexDto(a.Annex, a.Title, a.Instrument,
            records.Where(r => AnnexOf(r) == a.Annex).GroupBy(r => r.EconomyIso3!)
                .Select(g => new PackageEconomyDto(g.Key, economies[g.Key].Name(lang), economies[g.Key].IsMsmeGroupMember,
                    g.OrderByDescending(r => r.Date ?? new DateOnly(r.Year ?? 1, 12, 31)).ThenBy(r => r.Key, StringComparer.Ordinal)
                        .Select(r => new PackageActionDto(r.Title, r.Date, r.Year, r.SourceSymbol, r.SourceLocation, PolicySearch.Url(r.Key, lang))).ToList()))
                .OrderBy(e => e.Name, collation).ToList())).ToList();

        // Every MSME Group member is asked for the questionnaire; an answer is an Annex 2 action with a date.
        var answered = records.Where(r => AnnexOf(r) == 2 && r.Date is not null).GroupBy(r => r.EconomyIso3!)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Date!.Value));
        var cycle = economies.Values.Where(e => e.IsMsmeGroupMember).Select(e =>
        {
            var last = answered.TryGetValue(e.Iso3, out var date) ? date : (DateOnly?)null;
            var due = last?.AddYears(GthCycleYears) ?? FirstGthDue;
            return new GthStatusDto(e.Iso3, e.Name(lang), last, due, due < today);
        }).OrderBy(s => s.Name, collation).ToList();
        return new PackageTrackerDto(Adopted, annexes, cycle);
    }
}
