using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Importing;

// A schedule read from a source but not yet stored. Every importer (shipped files, transmissions, the command line)
// builds one, so there is a single way a schedule version reaches the database.
public sealed class TariffScheduleDraft(TariffSchedule schedule)
{
    public TariffSchedule Schedule { get; } = schedule;
    public List<TariffLine> Lines { get; } = [];
    public List<TariffImport> Imports { get; } = [];

    // Source rows read but deliberately not stored as lines (e.g. US chapters 98 and 99), for the import report.
    public int SkippedRows { get; set; }

    public int UnparsedRates => Lines.Sum(l => l.Rates.Count(r => r.Form == nameof(DutyForm.Unparsed)));

    public static TariffRate Rate(TariffRateKind kind, string? programme, DutyExpression duty) => new()
    {
        Kind = kind,
        Programme = programme,
        Text = duty.Text,
        Form = duty.Form.ToString(),
        AdValorem = duty.AdValoremPercent,
        SpecificAmount = duty.Specific.Count > 0 ? duty.Specific[0].Amount / duty.Specific[0].PerQuantity : null,
        SpecificCurrency = duty.Specific.Count > 0 ? duty.Specific[0].Currency : null,
        SpecificUnit = duty.Specific.Count > 0 ? duty.Specific[0].Unit : null,
    };

    // Stores the draft as the economy's next version, inside the caller's transaction.
    public async Task<TariffSchedule> SaveAsNewVersionAsync(
        AppDbContext db, LoadProgress progress, int done, int total, CancellationToken ct)
    {
        var economy = Schedule.EconomyIso3;
        Schedule.Version = 1 + (await db.TariffSchedules
            .Where(s => s.EconomyIso3 == economy)
            .MaxAsync(s => (int?)s.Version, ct) ?? 0);
        Schedule.LineCount = Lines.Count;
        Schedule.UnparsedRateCount = UnparsedRates;
        db.TariffSchedules.Add(Schedule);
        await db.SaveChangesAsync(ct);
        foreach (var line in Lines)
        {
            line.ScheduleId = Schedule.Id;
        }
        foreach (var flow in Imports)
        {
            flow.ScheduleId = Schedule.Id;
        }
        done = await Bulk.InsertAsync(db, Lines, progress, done, total, ct);
        await Bulk.InsertAsync(db, Imports, progress, done, total, ct);
        return Schedule;
    }
}
