using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// The policy entries the platform ships with: facts from the MSME Group's own documents, each citing its symbol
// (data/policy/SOURCE.md). Reloading replaces these only; entries published from submissions or imported stay.
public sealed class PolicyData(TimeProvider clock) : IReferenceData
{
    public const string File = "policy/records.csv";

    public string Name => "policy-records";
    public int Version => 2;
    public IReadOnlyList<string> Files { get; } = [File];
    public IReadOnlyList<string> DependsOn { get; } = ["economies", "trade-agreements"];

    public Task ClearAsync(AppDbContext db, CancellationToken ct) =>
        db.PolicyRecords.Where(r => r.SubmissionId == null && r.ImportedFrom == null).ExecuteDeleteAsync(ct);

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var economies = (await db.Economies.Select(e => e.Iso3).ToListAsync(ct)).ToHashSet();
        var agreements = (await db.TradeAgreements.Select(a => a.RtaId).ToListAsync(ct)).ToHashSet();
        using var reader = ShippedData.OpenText(File);
        var (records, problems) = PolicyRecordFile.Read(reader, economies, agreements, clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{File} line {problems[0].Line}: {problems[0].Message}");
        }
        await PolicyNames.IndexAsync(db, records, ct);
        return await Bulk.InsertAsync(db, records, progress, 0, records.Count, ct);
    }
}

public static class PolicyNames
{
    // Fills each record's search terms with its own words and the names of its economy (or parties) and agreement.
    public static async Task IndexAsync(AppDbContext db, IReadOnlyList<PolicyRecord> records, CancellationToken ct)
    {
        var codes = records.SelectMany(Economies).Distinct().ToList();
        var economies = await db.Economies.Where(e => codes.Contains(e.Iso3)).ToDictionaryAsync(e => e.Iso3, ct);
        var ids = records.Select(r => r.RtaId).OfType<int>().Distinct().ToList();
        var agreements = await db.TradeAgreements.Where(a => ids.Contains(a.RtaId)).ToDictionaryAsync(a => a.RtaId, a => a.Name, ct);
        foreach (var record in records)
        {
            var names = new List<string>();
            foreach (var iso3 in Economies(record))
            {
                if (economies.TryGetValue(iso3, out var economy))
                {
                    names.AddRange([economy.NameEn, economy.NameFr, economy.NameEs]);
                }
            }
            if (record.RtaId is { } rta && agreements.TryGetValue(rta, out var agreement))
            {
                names.Add(agreement);
            }
            record.SearchTerms = PolicyRecordFile.SearchTerms(record, names);
        }
    }

    // The economy an entry is about, or the parties an RTA provision binds.
    public static IEnumerable<string> Economies(PolicyRecord record) => Economies(record.EconomyIso3, record.Details);

    public static IEnumerable<string> Economies(string? economyIso3, string? details) =>
        (details is null ? [] : PolicyRecordFile.Parties(PolicyRecordFile.Details(details))).Prepend(economyIso3).OfType<string>().Distinct();
}
