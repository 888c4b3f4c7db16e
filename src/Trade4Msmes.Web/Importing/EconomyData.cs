using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// ISO 3166 economies with UN M49 geography and development groups, WTO status and MSME Group membership,
// plus the blocs that sign trade agreements as one party. Sources: data/economies/SOURCE.md.
public sealed class EconomyData : IReferenceData
{
    public const string EuropeanUnion = "EUN";

    public string Name => "economies";
    public int Version => 1;

    public IReadOnlyList<string> Files { get; } =
    [
        "economies/country-codes.csv.gz", "economies/m49-regions.csv", "economies/wto-members.csv",
        "economies/msme-group-members.csv", "economies/groupings.csv", "economies/grouping-members.csv",
    ];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct)
    {
        await db.GroupingMemberships.ExecuteDeleteAsync(ct);
        await db.Groupings.ExecuteDeleteAsync(ct);
        await db.Economies.ExecuteDeleteAsync(ct);
        await db.Regions.ExecuteDeleteAsync(ct);
    }

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var wto = Csv.ReadRows("economies/wto-members.csv").ToDictionary(r => r["iso3"]);
        var msme = Csv.ReadRows("economies/msme-group-members.csv").ToDictionary(r => r["iso3"]);

        var regions = Csv.ReadRows("economies/m49-regions.csv").Select(r => new Region
        {
            Code = int.Parse(r["code"], CultureInfo.InvariantCulture),
            ParentCode = r["parent"].NullIfEmpty() is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null,
            NameEn = r["name_en"],
            NameFr = r["name_fr"],
            NameEs = r["name_es"],
        }).ToList();

        var economies = Csv.ReadRows("economies/country-codes.csv.gz").Select(r => new Economy
        {
            Iso3 = r["ISO3166-1-Alpha-3"],
            Iso2 = r["ISO3166-1-Alpha-2"].NullIfEmpty(), // Namibia's "NA" is a code, not a null
            NumericCode = int.TryParse(r["ISO3166-1-numeric"], CultureInfo.InvariantCulture, out var n) ? n : null,
            NameEn = r["official_name_en"],
            NameFr = r["official_name_fr"],
            NameEs = r["official_name_es"],
            RegionCode = int.TryParse(r["Region Code"], CultureInfo.InvariantCulture, out var rc) ? rc : null,
            SubRegionCode = int.TryParse(r["Sub-region Code"], CultureInfo.InvariantCulture, out var sc) ? sc : null,
            IsLeastDeveloped = r["Least Developed Countries (LDC)"] == "x",
            IsLandlockedDeveloping = r["Land Locked Developing Countries (LLDC)"] == "x",
            IsSmallIslandDeveloping = r["Small Island Developing States (SIDS)"] == "x",
            CurrencyCode = r["ISO4217-currency_alphabetic_code"].NullIfEmpty(),
        }).ToList();
        economies.Add(new Economy { Iso3 = EuropeanUnion, CurrencyCode = "EUR" });

        foreach (var economy in economies)
        {
            if (wto.TryGetValue(economy.Iso3, out var w))
            {
                // The WTO's own short names ("Chinese Taipei", "Hong Kong, China") are the ones its members use.
                // Where the WTO name is not recorded in a language, the ISO name stands in.
                economy.NameEn = w["name_en"].NullIfEmpty() ?? economy.NameEn;
                economy.NameFr = w["name_fr"].NullIfEmpty() ?? economy.NameFr;
                economy.NameEs = w["name_es"].NullIfEmpty() ?? economy.NameEs;
                economy.WtoStatus = w["status"] == "member" ? WtoStatus.Member : WtoStatus.Observer;
                economy.WtoMemberSince = w["member_since"].IsoDate();
            }
            if (msme.TryGetValue(economy.Iso3, out var m))
            {
                economy.IsMsmeGroupMember = true;
                economy.MsmeGroupJoinedYear = int.TryParse(m["joined_year"], CultureInfo.InvariantCulture, out var y) ? y : null;
                economy.MsmeGroupSource = string.Join("; ", new[] { m["joined_source"], m["listed_source"] }
                    .Select(s => s.NullIfEmpty()).OfType<string>().Distinct());
            }
        }
        var known = economies.Select(e => e.Iso3).ToHashSet();
        var unknown = wto.Keys.Concat(msme.Keys).Where(code => !known.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"WTO or MSME Group lists name unknown economies: {string.Join(", ", unknown)}");
        }

        var groupings = Csv.ReadRows("economies/groupings.csv").Select(r => new Grouping
        {
            Code = r["code"],
            NameEn = r["name_en"],
            NameFr = r["name_fr"].NullIfEmpty() ?? r["name_en"],
            NameEs = r["name_es"].NullIfEmpty() ?? r["name_en"],
        }).ToList();
        var memberships = Csv.ReadRows("economies/grouping-members.csv").Select(r => new GroupingMembership
        {
            GroupingCode = r["grouping"],
            EconomyIso3 = r["iso3"],
            From = r["from"].IsoDate(),
            To = r["to"].IsoDate(),
        }).ToList();

        db.Regions.AddRange(regions);
        db.Economies.AddRange(economies);
        db.Groupings.AddRange(groupings);
        db.GroupingMemberships.AddRange(memberships);
        await db.SaveChangesAsync(ct);
        var total = regions.Count + economies.Count + groupings.Count + memberships.Count;
        progress.Report(total, total);
        return total;
    }
}
