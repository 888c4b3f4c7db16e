using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Web.Features.Tariffs;

public record ScheduleVersionDto(
    string Economy, int Version, DateOnly ValidFrom, string Title, string Source, string Currency, int HsEdition, string Origin,
    string? TransmittedBy, DateTimeOffset ReceivedAt, int LineCount, int UnparsedRates, string? Caveat);

public record EconomySchedulesDto(string Economy, string Name, IReadOnlyList<ScheduleVersionDto> Versions);

public record RateChangeDto(string Kind, string? Programme, string? Old, string? New);

public record LineChangeDto(string Code, string Description, IReadOnlyList<RateChangeDto> Changes);

public record LineRefDto(string Code, string Description, string? Mfn);

// What changed between two versions of a schedule: the input of tariff-change alerts.
public record ScheduleDiffDto(
    string Economy, ScheduleVersionDto From, ScheduleVersionDto To, IReadOnlyList<LineRefDto> Added,
    IReadOnlyList<LineRefDto> Removed, IReadOnlyList<LineChangeDto> Changed, int Unchanged);

public class TariffScheduleQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<(string Iso3, string Name, int Versions)>> EconomiesAsync(string lang, CancellationToken ct)
    {
        var counts = await db.TariffSchedules.GroupBy(s => s.EconomyIso3)
            .Select(g => new { Iso3 = g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await db.Economies.AsNoTracking().Where(e => counts.Select(c => c.Iso3).Contains(e.Iso3)).ToListAsync(ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        return counts.Join(names, c => c.Iso3, e => e.Iso3, (c, e) => (c.Iso3, e.Name(lang), c.Count))
            .OrderBy(e => e.Item2, collation).ToList();
    }

    public async Task<EconomySchedulesDto?> VersionsAsync(string iso3, string lang, CancellationToken ct)
    {
        var economy = await db.Economies.AsNoTracking().FirstOrDefaultAsync(e => e.Iso3 == iso3, ct);
        if (economy is null)
        {
            return null;
        }
        var versions = await db.TariffSchedules.AsNoTracking().Where(s => s.EconomyIso3 == iso3)
            .OrderByDescending(s => s.Version).ToListAsync(ct);
        return new EconomySchedulesDto(iso3, economy.Name(lang), versions.Select(Version).ToList());
    }

    public async Task<ScheduleDiffDto?> DiffAsync(string iso3, int from, int to, CancellationToken ct)
    {
        var schedules = await db.TariffSchedules.AsNoTracking()
            .Where(s => s.EconomyIso3 == iso3 && (s.Version == from || s.Version == to)).ToListAsync(ct);
        if (schedules.FirstOrDefault(s => s.Version == from) is not { } old || schedules.FirstOrDefault(s => s.Version == to) is not { } current)
        {
            return null;
        }
        var oldLines = await LinesAsync(old.Id, ct);
        var newLines = await LinesAsync(current.Id, ct);
        var added = newLines.Values.Where(l => !oldLines.ContainsKey(l.Code)).Select(Ref).ToList();
        var removed = oldLines.Values.Where(l => !newLines.ContainsKey(l.Code)).Select(Ref).ToList();
        var changed = new List<LineChangeDto>();
        foreach (var line in newLines.Values.Where(l => oldLines.ContainsKey(l.Code)))
        {
            var changes = Changes(oldLines[line.Code], line);
            if (changes.Count > 0)
            {
                changed.Add(new LineChangeDto(line.Code, line.FullDescription, changes));
            }
        }
        return new ScheduleDiffDto(iso3, Version(old), Version(current), added, removed, changed,
            newLines.Count - added.Count - changed.Count);
    }

    async Task<Dictionary<string, TariffLine>> LinesAsync(int scheduleId, CancellationToken ct) =>
        await db.TariffLines.AsNoTracking().Include(l => l.Rates).Include(l => l.Quotas).AsSplitQuery()
            .Where(l => l.ScheduleId == scheduleId).OrderBy(l => l.Code)
            .ToDictionaryAsync(l => l.Code, StringComparer.Ordinal, ct);

    // Rates are matched by kind and programme; a rate present on one side only is an addition or a removal.
    static List<RateChangeDto> Changes(TariffLine old, TariffLine current)
    {
        static Dictionary<(TariffRateKind, string), string> Rates(TariffLine l) =>
            l.Rates.GroupBy(r => (r.Kind, r.Programme ?? "")).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(r => r.Text)));
        var before = Rates(old);
        var after = Rates(current);
        var changes = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .Select(k => new RateChangeDto(k.Item1.ToString(), k.Item2.Length == 0 ? null : k.Item2, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        if (old.AdValoremEquivalent != current.AdValoremEquivalent)
        {
            changes.Add(new RateChangeDto("AdValoremEquivalent", null, Percent(old.AdValoremEquivalent), Percent(current.AdValoremEquivalent)));
        }
        static string Quotas(TariffLine l) => string.Join(" | ", l.Quotas.Select(q => $"{q.InQuotaRate} within {q.Quantity} {q.Unit}, {q.OutOfQuotaRate} beyond"));
        if (Quotas(old) != Quotas(current))
        {
            changes.Add(new RateChangeDto("Quota", null, Quotas(old).NullIfEmpty(), Quotas(current).NullIfEmpty()));
        }
        return changes;
    }

    static string? Percent(decimal? value) =>
        value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%" : null;

    static LineRefDto Ref(TariffLine l) =>
        new(l.Code, l.FullDescription, l.Rates.FirstOrDefault(r => r.Kind == TariffRateKind.Mfn)?.Text);

    public static ScheduleVersionDto Version(TariffSchedule s) => new(
        s.EconomyIso3, s.Version, s.ValidFrom, s.Title, s.Source, s.Currency, s.HsEdition, s.Origin.ToString(), s.TransmittedBy, s.ReceivedAt,
        s.LineCount, s.UnparsedRateCount, s.Caveat);
}
