using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Tariffs;

public record TransmissionReportDto(
    string Economy, int? Version, DateOnly? ValidFrom, int Lines, int Rates, int Programmes, int Imports,
    IReadOnlyList<TransmissionProblem> Problems, bool ProblemsTruncated);

// Checks a transmission line by line and, when it has no problem, stores it as the economy's next version in
// one transaction: a rejected or interrupted transmission leaves every earlier version as it was.
public sealed partial class TariffTransmissions(AppDbContext db, TimeProvider clock, AppMetrics metrics, ILogger<TariffTransmissions> logger)
{
    public enum Format
    {
        Csv,
        Json,
    }

    public async Task<TransmissionReportDto> ReceiveAsync(
        string economy, Format format, byte[] body, TransmissionHeader header, string transmittedBy, Actor actor,
        CancellationToken ct, LoadProgress? progress = null)
    {
        var started = clock.GetTimestamp();
        var known = (await db.Economies.Select(e => e.Iso3).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var subheadings = new Dictionary<int, IReadOnlySet<string>>();
        foreach (var edition in new[] { HsEdition.Current, HsEdition.Previous })
        {
            subheadings[edition] = (await db.HsCodes.Where(c => c.Edition == edition && c.Level == HsLevel.Subheading)
                .Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        IReadOnlySet<string> Codes(int edition) => subheadings.GetValueOrDefault(edition) ?? new HashSet<string>();
        var now = clock.GetUtcNow();
        var result = format == Format.Csv
            ? TariffTransmission.ReadCsv(body, economy, header, known, Codes, now, transmittedBy)
            : TariffTransmission.ReadJson(body, economy, known, Codes, now, transmittedBy);
        if (result.Draft is not { } draft)
        {
            metrics.Imported("tariff", accepted: false, clock.GetElapsedTime(started));
            return new TransmissionReportDto(economy, null, null, 0, 0, 0, 0, result.Problems, result.Truncated);
        }
        var schedule = await SaveAsync(draft, actor, progress, ct);
        metrics.Imported("tariff", accepted: true, clock.GetElapsedTime(started));
        return new TransmissionReportDto(economy, schedule.Version, schedule.ValidFrom, draft.Lines.Count,
            draft.Lines.Sum(l => l.Rates.Count), schedule.Programmes.Count, draft.Imports.Count, [], false);
    }

    public async Task<TariffSchedule> SaveAsync(TariffScheduleDraft draft, Actor actor, LoadProgress? progress, CancellationToken ct)
    {
        var economy = draft.Schedule.EconomyIso3;
        var strategy = db.Database.CreateExecutionStrategy();
        var schedule = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // Two transmissions for one economy at once must not take the same version number.
                var key = economy.Aggregate(0, (k, c) => k * 128 + c);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7246002, {key})", ct);
            }
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var saved = await draft.SaveAsNewVersionAsync(db, progress ?? new LoadProgress($"tariff {economy}", logger),
                0, draft.Lines.Count + draft.Imports.Count, ct);
            AuditLog.Record(db, actor, "tariff-schedule.accepted", $"tariff-schedule/{economy}/{saved.Version}", economy,
                newValues: new { saved.Version, saved.ValidFrom, saved.Title, Lines = draft.Lines.Count, saved.TransmittedBy },
                at: clock.GetUtcNow().UtcDateTime);
            if (saved.Version > 1)
            {
                // Subscribers hear about the lines whose duty changed (AlertDispatcher compares the versions).
                db.AlertEvents.Add(new AlertEvent { Kind = AlertEventKind.TariffSchedule, SubjectId = saved.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return saved;
        });
        LogAccepted(economy, schedule.Version, draft.Lines.Count, schedule.TransmittedBy ?? "");
        return schedule;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted tariff transmission for {Economy}: version {Version}, {Lines} lines, from {TransmittedBy}")]
    partial void LogAccepted(string economy, int version, int lines, string transmittedBy);
}
