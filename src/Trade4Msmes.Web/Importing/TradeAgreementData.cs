using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// The WTO RTA database export. Parties come as WTO names; data/rta/party-names.csv resolves them to
// economies or groupings, and groupings expand to their members for the dates they were members
// (docs/decisions/0002-rta-parties.md).
public sealed partial class TradeAgreementData : IReferenceData
{
    // The export's "not yet in force for this party" marker.
    public static readonly DateOnly NotYetInForce = new(9999, 1, 1);

    public string Name => "trade-agreements";
    public int Version => 1;
    public IReadOnlyList<string> Files { get; } = ["rta/AllRTAs.csv.gz", "rta/party-names.csv"];
    public IReadOnlyList<string> DependsOn { get; } = ["economies"];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct)
    {
        await db.AgreementParticipations.ExecuteDeleteAsync(ct);
        await db.AgreementParties.ExecuteDeleteAsync(ct);
        await db.TradeAgreements.ExecuteDeleteAsync(ct);
    }

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var names = Csv.ReadRows("rta/party-names.csv").ToDictionary(r => r["name"], r => r["code"].NullIfEmpty());
        var economies = (await db.Economies.Select(e => e.Iso3).ToListAsync(ct)).ToHashSet();
        var members = (await db.GroupingMemberships.ToListAsync(ct)).ToLookup(m => m.GroupingCode);

        var agreements = Csv.ReadRows("rta/AllRTAs.csv.gz").Select(r => ToAgreement(r, names, economies, members)).ToList();
        var participations = agreements.SelectMany(a => Merge(Participations(members)(a))).ToList();

        var total = agreements.Count + agreements.Sum(a => a.Parties.Count) + participations.Count;
        var done = await Bulk.InsertAsync(db, agreements, progress, 0, total, ct);
        done += agreements.Sum(a => a.Parties.Count);
        await Bulk.InsertAsync(db, participations, progress, done, total, ct);
        return total;
    }

    static TradeAgreement ToAgreement(
        Dictionary<string, string> r, Dictionary<string, string?> names, HashSet<string> economies,
        ILookup<string, GroupingMembership> groupings)
    {
        var agreement = new TradeAgreement
        {
            RtaId = int.Parse(r["RTA ID"], CultureInfo.InvariantCulture),
            Name = r["RTA Name"].Trim(),
            Coverage = r["Coverage"].NullIfEmpty(),
            Type = r["Type"].NullIfEmpty(),
            Notification = r["Notification"].NullIfEmpty(),
            Status = r["Status"].Trim(),
            SignedGoods = r["Date of Signature (G)"].IsoDate(),
            SignedServices = r["Date of Signature (S)"].IsoDate(),
            NotifiedGoods = r["Date of Notification (G)"].IsoDate(),
            NotifiedServices = r["Date of Notification (S)"].IsoDate(),
            InForceGoods = r["Date of Entry into Force (G)"].IsoDate(),
            InForceServices = r["Date of Entry into Force (S)"].IsoDate(),
            InactiveSince = r["Inactive Date"].IsoDate(),
            IsAccession = r["Accession?"] == "Yes",
            Composition = r["RTA Composition"].NullIfEmpty(),
            Region = r["Region"].NullIfEmpty(),
            AllPartiesWtoMembers = r["All Parties WTO members?"] == "Yes",
            Remarks = r["Remarks"].NullIfEmpty(),
        };
        var current = SplitParties(r["Current signatories"]);
        var original = SplitParties(r["Original signatories"]);
        var dates = SpecificDates(r["Specific Entry/Exit dates"]);
        foreach (var name in current.Union(original))
        {
            if (!names.TryGetValue(name, out var code))
            {
                throw new InvalidDataException($"RTA {agreement.RtaId}: party '{name}' is missing from rta/party-names.csv");
            }
            dates.TryGetValue(name, out var period);
            agreement.Parties.Add(new AgreementParty
            {
                NameAsListed = name,
                EconomyIso3 = code is not null && economies.Contains(code) ? code : null,
                GroupingCode = code is not null && groupings.Contains(code) ? code : null,
                IsCurrent = current.Contains(name),
                IsOriginal = original.Contains(name),
                EntryDate = period.Entry,
                ExitDate = period.Exit,
            });
        }
        return agreement;
    }

    static Func<TradeAgreement, IEnumerable<AgreementParticipation>> Participations(ILookup<string, GroupingMembership> groupings) =>
        agreement => agreement.Parties.SelectMany(party =>
        {
            var from = party.EntryDate ?? agreement.InForceFrom;
            var to = party.ExitDate ?? agreement.InactiveSince;
            var rows = new List<AgreementParticipation>();
            if (party.EconomyIso3 is { } iso3)
            {
                rows.Add(new() { RtaId = agreement.RtaId, EconomyIso3 = iso3, From = from, To = to });
            }
            if (party.GroupingCode is { } grouping)
            {
                foreach (var m in groupings[grouping])
                {
                    // A member is bound while both the agreement and its membership run; an agreement not
                    // yet in force binds the bloc's present members.
                    // Membership dates name the last day as member; participations end the day after, like inactive dates.
                    var start = Later(from, m.From);
                    var end = Earlier(to, m.To?.AddDays(1));
                    var overlaps = from is null ? m.To is null : start is null || end is null || start < end;
                    if (overlaps)
                    {
                        rows.Add(new()
                        {
                            RtaId = agreement.RtaId,
                            EconomyIso3 = m.EconomyIso3,
                            ViaGroupingCode = grouping,
                            From = from is null ? null : start,
                            To = end,
                        });
                    }
                }
            }
            return rows;
        });

    // EU agreements list the Union as current party and its member states as original signatories:
    // one row per economy, through the bloc where there is one, over the widest period.
    static IEnumerable<AgreementParticipation> Merge(IEnumerable<AgreementParticipation> rows) =>
        rows.GroupBy(p => p.EconomyIso3).Select(g => new AgreementParticipation
        {
            RtaId = g.First().RtaId,
            EconomyIso3 = g.Key,
            ViaGroupingCode = g.Select(p => p.ViaGroupingCode).FirstOrDefault(v => v is not null),
            From = g.Min(p => p.From),
            To = g.Any(p => p.To is null) ? null : g.Max(p => p.To),
        });

    static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    static HashSet<string> SplitParties(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    // "Australia(24-Dec-2024 - ); Canada(01-Jan-9999 - ); Venezuela, Bolivarian Republic of( - 22-Apr-2006)"
    static Dictionary<string, (DateOnly? Entry, DateOnly? Exit)> SpecificDates(string value)
    {
        var result = new Dictionary<string, (DateOnly?, DateOnly?)>(StringComparer.Ordinal);
        foreach (var entry in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = PartyDates().Match(entry);
            if (!match.Success)
            {
                throw new InvalidDataException($"Unreadable party dates '{entry}'");
            }
            // The exit date is the party's last day; like inactive dates, we store the first day it no longer applies.
            result[match.Groups["name"].Value.Trim()] = (ExportDate(match.Groups["from"].Value), ExportDate(match.Groups["to"].Value)?.AddDays(1));
        }
        return result;
    }

    static DateOnly? ExportDate(string value) =>
        DateOnly.TryParseExact(value.Trim(), "dd-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^(?<name>.+?)\((?<from>[^()]*?) - (?<to>[^()]*?)\)$")]
    private static partial Regex PartyDates();
}
