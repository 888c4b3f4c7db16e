using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// HS 2022 and HS 2017 nomenclatures (UN Comtrade H6/H5) and the UNSD correlation table between them.
public sealed class HarmonizedSystemData : IReferenceData
{
    public string Name => "harmonized-system";
    public int Version => 1;

    public IReadOnlyList<string> Files { get; } =
        ["hs/hs-sections.csv", "hs/hs2022.csv.gz", "hs/hs2017.csv.gz", "hs/hs2022-hs2017-correlations.csv.gz"];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct)
    {
        await db.HsCorrelations.ExecuteDeleteAsync(ct);
        await db.HsCodes.ExecuteDeleteAsync(ct);
        await db.HsSections.ExecuteDeleteAsync(ct);
    }

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var sections = Csv.ReadRows("hs/hs-sections.csv");
        var codes = new List<HsCode>();
        foreach (var (edition, file) in new[] { (HsEdition.Current, "hs/hs2022.csv.gz"), (HsEdition.Previous, "hs/hs2017.csv.gz") })
        {
            db.HsSections.AddRange(sections.Select((s, i) => new HsSection
            {
                Edition = edition,
                Number = s["section"],
                Position = i + 1,
                Title = Capitalize(s["name"]),
            }));
            codes.AddRange(Csv.ReadRows(file).Where(IsNomenclature).Select(r => new HsCode
            {
                Edition = edition,
                Code = r["hscode"],
                Level = (HsLevel)r["hscode"].Length,
                ParentCode = r["hscode"].Length == 2 ? null : r["parent"],
                SectionNumber = r["section"],
                Description = r["description"],
            }));
        }
        var correlations = Csv.ReadRows("hs/hs2022-hs2017-correlations.csv.gz")
            .Where(r => r["HS2022"] != "999999")
            .Select(r => new HsCorrelation { Hs2022Code = r["HS2022"], Hs2017Code = r["HS2017"], Relationship = r["Relationship"] })
            .ToList();

        var total = sections.Count * 2 + codes.Count + correlations.Count;
        await db.SaveChangesAsync(ct);
        var done = sections.Count * 2;
        done = await Bulk.InsertAsync(db, codes, progress, done, total, ct);
        await Bulk.InsertAsync(db, correlations, progress, done, total, ct);
        return total;
    }

    // Comtrade adds catch-all rows (TOTAL, 99, 9999, 999999) that are not part of the WCO nomenclature.
    static bool IsNomenclature(Dictionary<string, string> row) =>
        row["section"] != "TOTAL" && row["hscode"] is not ("TOTAL" or "99" or "9999" or "999999")
        && row["hscode"].Length is 2 or 4 or 6;

    static string Capitalize(string text) =>
        text.Trim() is { Length: > 0 } t ? char.ToUpperInvariant(t[0]) + t[1..] : text;
}
