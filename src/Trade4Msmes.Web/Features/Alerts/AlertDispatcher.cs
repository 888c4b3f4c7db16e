using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Tariffs;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Alerts;

// Settings "Alerts:*".
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    // How often an instance looks for new events, digests and deadlines when nobody has woken it.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    // The hour (UTC) daily digests go out, and weekly ones on Mondays.
    public int DigestHourUtc { get; set; } = 6;

    // How many days before a comment deadline its reminder is sent.
    public int ReminderDays { get; set; } = 7;
}

// Turns events into emails, in three durable steps, each its own transaction, so a crash at any point loses
// nothing and sends nothing twice: (1) an event (new notification, accepted schedule version, approaching
// deadline) is matched to subscriptions, giving one alert item per subscriber; (2) the items that are due are
// gathered into one message per subscriber in the outbox, marking them sent in the same transaction;
// (3) OutboxSender delivers it. Several instances may run this: an event is leased before it is matched, and a
// message's dedupe key and the items' conditional update stop a second instance from sending the same items.
public sealed partial class AlertDispatcher(
    IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider clock, OutboxSender sender, AppMetrics metrics, ILogger<AlertDispatcher> logger)
    : BackgroundService
{
    static readonly TimeSpan EventLease = TimeSpan.FromMinutes(10);
    const int SubscribersPerPass = 100;

    // An alert item's Lines when every changed line of the schedule matched.
    public const string AllLines = "*";
    static readonly LoadProgress Quiet = new("alerts", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    readonly WakeSignal wake = new();

    // Called after an event is recorded, so immediate alerts do not wait for the next poll.
    public void Wake() => wake.Wake();

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(e);
            }
            if (!await wake.WaitAsync(options.Value.PollInterval, stoppingToken))
            {
                break;
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await ScheduleRemindersAsync(ct);
        while (await MatchNextEventAsync(ct) is not null)
        {
        }
        if (await DispatchDueAsync(ct) > 0)
        {
            sender.Wake();
        }
    }

    // A notification someone was alerted to gets a reminder event once its comment deadline is near.
    public async Task<int> ScheduleRemindersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var until = today.AddDays(options.Value.ReminderDays);
        var due = await db.Notifications.Where(n => n.CommentDeadline >= today && n.CommentDeadline <= until)
            .Where(n => db.AlertEvents.Any(e => e.Kind == AlertEventKind.Notification && e.SubjectId == n.Id
                && db.AlertItems.Any(i => i.EventId == e.Id && i.OutboxMessageId != null)))
            .Where(n => !db.AlertEvents.Any(e => e.Kind == AlertEventKind.CommentDeadline && e.SubjectId == n.Id))
            .Select(n => n.Id).ToListAsync(ct);
        var added = 0;
        foreach (var id in due)
        {
            db.AlertEvents.Add(new AlertEvent { Kind = AlertEventKind.CommentDeadline, SubjectId = id, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                added++;
            }
            catch (DbUpdateException)
            {
                // Another instance recorded the same reminder first (unique kind and subject).
                db.ChangeTracker.Clear();
            }
        }
        return added;
    }

    // Matches the oldest unmatched event; returns its id, or null when there is none.
    public async Task<long?> MatchNextEventAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.AlertEvents.Where(e => e.MatchedAt == null && (e.LeaseUntil == null || e.LeaseUntil < now))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await db.AlertEvents
                .Where(e => e.Id == id && e.MatchedAt == null && (e.LeaseUntil == null || e.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, instance).SetProperty(e => e.LeaseUntil, now + EventLease), ct);
            if (claimed == 1)
            {
                var (kind, matched) = await MatchAsync(scope.ServiceProvider, db, id, now, ct);
                metrics.AlertEventMatched(kind.ToString(), matched);
                LogMatched(id, matched);
                return id;
            }
        }
        return null;
    }

    async Task<(AlertEventKind Kind, int Matched)> MatchAsync(IServiceProvider services, AppDbContext db, long eventId, DateTime now, CancellationToken ct)
    {
        var alertEvent = await db.AlertEvents.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return (alertEvent.Kind, await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var items = alertEvent.Kind switch
            {
                AlertEventKind.Notification => await NotificationItemsAsync(db, alertEvent, now, ct),
                AlertEventKind.TariffSchedule => await TariffItemsAsync(services, db, alertEvent, now, ct),
                _ => await ReminderItemsAsync(db, alertEvent, now, ct),
            };
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await Bulk.InsertAsync(db, items, Quiet, 0, items.Count, ct);
            var done = await db.AlertEvents.Where(e => e.Id == eventId && e.LeaseOwner == instance && e.MatchedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.MatchedAt, now).SetProperty(e => e.Matched, items.Count)
                    .SetProperty(e => e.LeaseUntil, (DateTime?)null), ct);
            if (done != 1)
            {
                // The lease ran out and another instance took the event over: leave it to that one.
                await transaction.RollbackAsync(ct);
                return 0;
            }
            await transaction.CommitAsync(ct);
            return items.Count;
        }));
    }

    static async Task<List<ActiveSubscription>> SubscriptionsAsync(AppDbContext db, AlertKinds kind, CancellationToken ct)
    {
        var regions = await RegionsAsync(db, ct);
        var rows = await db.Subscriptions.AsNoTracking().Where(s => s.ConfirmedAt != null && (s.Kinds & kind) == kind).ToListAsync(ct);
        return rows.Select(s => new ActiveSubscription(s.Id, s.SubscriberId, s.Frequency, AlertCriteria.Of(s, regions))).ToList();
    }

    // The economies of each UN M49 region and sub-region.
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> RegionsAsync(AppDbContext db, CancellationToken ct)
    {
        var economies = await db.Economies.AsNoTracking().Select(e => new { e.Iso3, e.RegionCode, e.SubRegionCode }).ToListAsync(ct);
        return economies.SelectMany(e => new[] { (Code: e.RegionCode, e.Iso3), (Code: e.SubRegionCode, e.Iso3) })
            .Where(x => x.Code is not null).GroupBy(x => x.Code!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Iso3).ToList());
    }

    async Task<List<AlertItem>> NotificationItemsAsync(AppDbContext db, AlertEvent e, DateTime now, CancellationToken ct)
    {
        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == e.SubjectId, ct);
        if (notification is null)
        {
            return [];
        }
        var kind = notification.Domain == NotificationDomain.Sps ? AlertKinds.Sps : AlertKinds.Tbt;
        var matches = AlertMatcher.Notification(await SubscriptionsAsync(db, kind, ct), notification);
        return Items(matches, e, now, lines: null);
    }

    static async Task<List<AlertItem>> ReminderItemsAsync(AppDbContext db, AlertEvent e, DateTime now, CancellationToken ct)
    {
        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == e.SubjectId, ct);
        if (notification is null || notification.CommentDeadline < DateOnly.FromDateTime(now))
        {
            return [];
        }
        // Those who were sent the notification, and still have a subscription that covers it.
        var alerted = (await db.AlertItems.Where(i => i.OutboxMessageId != null
                && db.AlertEvents.Any(x => x.Id == i.EventId && x.Kind == AlertEventKind.Notification && x.SubjectId == notification.Id))
            .Select(i => i.SubscriberId).ToListAsync(ct)).ToHashSet();
        var kind = notification.Domain == NotificationDomain.Sps ? AlertKinds.Sps : AlertKinds.Tbt;
        var subscriptions = (await SubscriptionsAsync(db, kind, ct)).Where(s => alerted.Contains(s.SubscriberId)).ToList();
        var matches = AlertMatcher.Notification(subscriptions, notification);
        // A reminder cannot wait for a weekly digest: the deadline would pass.
        return matches.Keys.Select(subscriber => new AlertItem { SubscriberId = subscriber, EventId = e.Id, CreatedAt = now, DueAt = now }).ToList();
    }

    async Task<List<AlertItem>> TariffItemsAsync(IServiceProvider services, AppDbContext db, AlertEvent e, DateTime now, CancellationToken ct)
    {
        var schedule = await db.TariffSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == e.SubjectId, ct);
        var previous = schedule is null ? null : await db.TariffSchedules.AsNoTracking()
            .Where(s => s.EconomyIso3 == schedule.EconomyIso3 && s.Version < schedule.Version)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (schedule is null || previous is null
            || await services.GetRequiredService<TariffScheduleQueries>().DiffAsync(schedule.EconomyIso3, previous.Version, schedule.Version, ct) is not { } diff)
        {
            return [];
        }
        var changes = await TariffChanges.FromDiffAsync(db, schedule, diff, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await Bulk.InsertAsync(db, changes, Quiet, 0, changes.Count, ct);
        var lines = changes.GroupBy(c => c.LineCode, StringComparer.Ordinal)
            .Select(g => new ChangedLine(g.Key, g.First().Hs6.Split(' '), AlertCriteria.WordsOf(g.First().Description)))
            .ToList();
        var matches = AlertMatcher.Tariff(await SubscriptionsAsync(db, AlertKinds.Tariff, ct), schedule.EconomyIso3, lines);
        return Items(matches, e, now, lines);
    }

    List<AlertItem> Items(Dictionary<int, SubscriberMatch> matches, AlertEvent e, DateTime now, List<ChangedLine>? lines) =>
        matches.Select(m => new AlertItem
        {
            SubscriberId = m.Key,
            EventId = e.Id,
            CreatedAt = now,
            DueAt = AlertMatcher.DueAt(m.Value.Frequency, now, options.Value.DigestHourUtc),
            Lines = lines is null ? null : m.Value.AllLines ? AllLines : string.Join(' ', m.Value.Lines.Order().Select(i => lines[i].Code)),
        }).ToList();

    // Puts one message per subscriber with due items into the outbox; returns how many.
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var emails = scope.ServiceProvider.GetRequiredService<AlertEmails>();
            var now = clock.GetUtcNow().UtcDateTime;
            var subscribers = await db.AlertItems.Where(i => i.OutboxMessageId == null && i.DueAt <= now)
                .Select(i => i.SubscriberId).Distinct().OrderBy(id => id).Take(SubscribersPerPass).ToListAsync(ct);
            var before = sent;
            foreach (var subscriber in subscribers)
            {
                sent += await DispatchAsync(db, emails, subscriber, now, ct) ? 1 : 0;
            }
            if (subscribers.Count < SubscribersPerPass || sent == before)
            {
                metrics.AlertMessagesQueued(sent);
                return sent;
            }
        }
    }

    static async Task<bool> DispatchAsync(AppDbContext db, AlertEmails emails, int subscriberId, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var items = await db.AlertItems.Where(i => i.SubscriberId == subscriberId && i.OutboxMessageId == null && i.DueAt <= now)
                .OrderBy(i => i.Id).ToListAsync(ct);
            var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
            if (items.Count == 0 || subscriber is null)
            {
                return false;
            }
            var message = await emails.ComposeAsync(db, subscriber, items, ct);
            var stored = EmailOutbox.Enqueue(db, message with { DedupeKey = $"alerts:{subscriberId}:{items[0].Id}" }, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance queued these items a moment ago.
                await transaction.RollbackAsync(ct);
                return false;
            }
            var ids = items.Select(i => i.Id).ToList();
            var marked = await db.AlertItems.Where(i => ids.Contains(i.Id) && i.OutboxMessageId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.OutboxMessageId, stored.Id), ct);
            if (marked != ids.Count)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }
            await transaction.CommitAsync(ct);
            return true;
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert dispatcher failed; it tries again at the next poll.")]
    partial void LogPassFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert event {Id} matched {Subscribers} subscribers")]
    partial void LogMatched(long id, int subscribers);
}
