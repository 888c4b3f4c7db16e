using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// The national schedules shipped with the product: the US HTS 2026 and the UK Global Tariff 2021 with the EU's
// 2020 tariff beside it. Reloading them leaves the versions that economies transmitted untouched.
public sealed class TariffData(TimeProvider clock) : IReferenceData
{
    public string Name => "tariff-schedules";
    public int Version => 1;
    public IReadOnlyList<string> Files { get; } = [UsTariffSchedule.File, UsTariffSchedule.ProgrammesFile, UkGlobalTariff.File];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct) =>
        await db.TariffSchedules.Where(s => s.Origin == TariffScheduleOrigin.Shipped).ExecuteDeleteAsync(ct);

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<TariffScheduleDraft> drafts =
        [
            UsTariffSchedule.Read(Csv.ReadRows(UsTariffSchedule.File), now),
            .. UkGlobalTariff.Read(Csv.ReadRows(UkGlobalTariff.File), now),
        ];
        var total = drafts.Sum(d => d.Lines.Count);
        var done = 0;
        foreach (var draft in drafts)
        {
            await draft.SaveAsNewVersionAsync(db, progress, done, total, ct);
            done += draft.Lines.Count;
        }
        return total;
    }
}

// Dated de minimis and low-value-shipment rules per economy, each cited (data/tariffs/DE-MINIMIS.md).
public sealed class DeMinimisData : IReferenceData
{
    public string Name => "de-minimis";
    public int Version => 1;
    public IReadOnlyList<string> Files { get; } = ["tariffs/de-minimis.csv"];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct) => await db.DeMinimisRules.ExecuteDeleteAsync(ct);

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        var rules = Csv.ReadRows(Files[0]).Select(r => new DeMinimisRule
        {
            EconomyIso3 = r["economy"],
            ValidFrom = r["valid_from"].IsoDate() ?? throw new InvalidDataException($"de-minimis.csv: bad valid_from '{r["valid_from"]}'"),
            ValidTo = r["valid_to"].IsoDate(),
            AppliesTo = r["applies_to"],
            Threshold = decimal.Parse(r["threshold"], System.Globalization.CultureInfo.InvariantCulture),
            Currency = r["currency"],
            Channel = r["channel"],
            Origins = r["origins"].NullIfEmpty(),
            Rule = r["rule"],
            Source = r["source"],
        }).ToList();
        db.DeMinimisRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        progress.Report(rules.Count, rules.Count);
        return rules.Count;
    }
}
