using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Alerts;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Features.Notifications;

public record NotificationImportReport(int Added, int Updated, IReadOnlyList<TransmissionProblem> Problems, bool ProblemsTruncated)
{
    public bool Accepted => Problems.Count == 0;
}

// Stores checked notifications in one transaction: a file with any problem changes nothing. A notification
// already stored (same symbol) is updated in place, a new one becomes an alert event for the subscribers.
public sealed class NotificationStore(AppDbContext db, TimeProvider clock, AppMetrics metrics, AlertDispatcher dispatcher)
{
    public async Task<NotificationImportReport> ImportAsync(byte[] body, bool json, Actor actor, string source, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var read = NotificationFile.Read(body, json, await MemberResolverAsync(ct), await HsCodesAsync(ct));
        var report = read.Problems.Count > 0
            ? new NotificationImportReport(0, 0, read.Problems, read.Truncated)
            : await SaveAsync(read.Notifications, actor, source, ct);
        metrics.Imported("notifications", report.Accepted, clock.GetElapsedTime(started));
        return report;
    }

    // One notification typed into the editor's form: the same checks as a file.
    public async Task<NotificationImportReport> AddAsync(IReadOnlyDictionary<string, string> form, Actor actor, CancellationToken ct)
    {
        var read = NotificationFile.ReadForm(form, await MemberResolverAsync(ct), await HsCodesAsync(ct));
        if (read.Problems.Count > 0)
        {
            return new NotificationImportReport(0, 0, read.Problems, false);
        }
        var symbol = read.Notifications[0].DocumentSymbol;
        if (await db.Notifications.AnyAsync(n => n.DocumentSymbol == symbol, ct))
        {
            return new NotificationImportReport(0, 0, [new TransmissionProblem(0, "documentSymbol", $"{symbol} is already recorded.")], false);
        }
        return await SaveAsync(read.Notifications, actor, "entered by an editor", ct);
    }

    async Task<NotificationImportReport> SaveAsync(IReadOnlyList<Notification> incoming, Actor actor, string source, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var symbols = incoming.Select(n => n.DocumentSymbol).ToList();
            var existing = new Dictionary<string, Notification>(StringComparer.Ordinal);
            foreach (var chunk in symbols.Chunk(500))
            {
                foreach (var n in await db.Notifications.AsTracking().Include(n => n.Codes).Where(n => chunk.Contains(n.DocumentSymbol)).ToListAsync(ct))
                {
                    existing[n.DocumentSymbol] = n;
                }
            }
            var added = new List<Notification>();
            foreach (var n in incoming)
            {
                var target = existing.GetValueOrDefault(n.DocumentSymbol);
                if (target is null)
                {
                    target = new Notification { DocumentSymbol = n.DocumentSymbol, RecordedAt = now };
                    db.Notifications.Add(target);
                    added.Add(target);
                }
                Copy(n, target);
                target.Source = source;
                target.UpdatedAt = now;
                target.SearchText = NotificationFile.SearchTextOf(target);
                target.Codes.Clear();
                target.Codes.AddRange(n.HsCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => new NotificationHsCode { Code = c }));
            }
            await db.SaveChangesAsync(ct);
            // Only a notification the platform has not seen is news; a corrected one is not sent again.
            db.AlertEvents.AddRange(added.Select(n => new AlertEvent { Kind = AlertEventKind.Notification, SubjectId = n.Id, CreatedAt = now }));
            AuditLog.Record(db, actor, "notifications.imported", added.Count + existing.Count == 1 ? $"notification/{incoming[0].DocumentSymbol}" : "notifications",
                newValues: new { Added = added.Count, Updated = existing.Count, Source = source }, at: now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (added.Count > 0)
            {
                // Immediate subscribers hear now, not at the next poll.
                dispatcher.Wake();
            }
            return new NotificationImportReport(added.Count, existing.Count, [], false);
        });
    }

    static void Copy(Notification from, Notification to)
    {
        to.ParentSymbol = from.ParentSymbol;
        to.Domain = from.Domain;
        to.Type = from.Type;
        to.MemberIso3 = from.MemberIso3;
        to.DistributionDate = from.DistributionDate;
        to.Title = from.Title;
        to.Description = from.Description;
        to.ProductsText = from.ProductsText;
        to.HsCodes = from.HsCodes;
        to.IcsCodes = from.IcsCodes;
        to.Objectives = from.Objectives;
        to.Keywords = from.Keywords;
        to.CommentDeadline = from.CommentDeadline;
        to.EntryIntoForce = from.EntryIntoForce;
        to.DocumentLinks = from.DocumentLinks;
        to.Language = from.Language;
    }

    // A member as ePing names it ("United States of America"), in any of the three languages, or its ISO3 code.
    async Task<Func<string, string?>> MemberResolverAsync(CancellationToken ct)
    {
        var economies = await db.Economies.AsNoTracking().Select(e => new { e.Iso3, e.NameEn, e.NameFr, e.NameEs }).ToListAsync(ct);
        var codes = economies.Select(e => e.Iso3).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in economies)
        {
            foreach (var name in new[] { e.NameEn, e.NameFr, e.NameEs })
            {
                names.TryAdd(TextNormalizer.Fold(name), e.Iso3);
            }
        }
        // The names WTO documents use where ISO's differ.
        foreach (var (name, iso3) in new[] { ("united states of america", "USA"), ("european union", "EUN"), ("united kingdom", "GBR"), ("korea, republic of", "KOR") })
        {
            if (codes.Contains(iso3))
            {
                names.TryAdd(name, iso3);
            }
        }
        return text =>
        {
            var upper = text.Trim().ToUpperInvariant();
            return codes.Contains(upper) ? upper : names.GetValueOrDefault(TextNormalizer.Fold(text.Trim()));
        };
    }

    async Task<IReadOnlySet<string>> HsCodesAsync(CancellationToken ct) =>
        (await db.HsCodes.AsNoTracking().Select(c => c.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}
