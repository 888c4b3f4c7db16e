using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Features.Alerts;

// The rates that changed between two versions of a schedule, one row per line and rate, keyed by HS 2022
// subheading so that alerts and feeds (kept in HS 2022) can find them whatever edition the schedule uses.
public static class TariffChanges
{
    public const string WholeLine = "Line";

    public static async Task<List<TariffChange>> FromDiffAsync(AppDbContext db, TariffSchedule schedule, ScheduleDiffDto diff, CancellationToken ct)
    {
        var toCurrent = schedule.HsEdition == HsEdition.Current
            ? null
            : (await db.HsCorrelations.AsNoTracking().ToListAsync(ct)).ToLookup(c => c.Hs2017Code, c => c.Hs2022Code, StringComparer.Ordinal);
        string Hs6(string lineCode)
        {
            var code = lineCode.Length >= 6 ? lineCode[..6] : lineCode;
            return toCurrent?[code].Order(StringComparer.Ordinal).ToList() is { Count: > 0 } mapped ? string.Join(' ', mapped) : code;
        }
        TariffChange Change(string line, string description, string rate, string? programme, string? old, string? current) => new()
        {
            ScheduleId = schedule.Id,
            EconomyIso3 = schedule.EconomyIso3,
            EffectiveFrom = schedule.ValidFrom,
            LineCode = line,
            Hs6 = Hs6(line),
            Description = description,
            Rate = rate,
            Programme = programme,
            OldRate = old,
            NewRate = current,
        };
        var changes = diff.Changed.SelectMany(l => l.Changes.Select(c => Change(l.Code, l.Description, c.Kind, c.Programme, c.Old, c.New))).ToList();
        changes.AddRange(diff.Added.Select(l => Change(l.Code, l.Description, WholeLine, null, null, l.Mfn ?? "")));
        changes.AddRange(diff.Removed.Select(l => Change(l.Code, l.Description, WholeLine, null, l.Mfn ?? "", null)));
        return changes;
    }
}
