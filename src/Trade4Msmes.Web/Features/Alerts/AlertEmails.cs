using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Alerts;

// Alert messages, in the subscriber's language: confirmation of a new subscription, the link to manage one's
// alerts, and the alerts themselves (tariff changes, new notifications, comment deadlines).
public sealed class AlertEmails(IStringLocalizer<SharedResource> l, AlertLinks links, IOptions<SiteOptions> site)
{
    // A schedule with more matching lines than this lists the first ones and links to the full comparison.
    public const int MaxLinesPerSchedule = 100;

    public EmailMessage Confirm(string to, string lang, int subscriptionId, string summary) => Languages.In(lang, () => new EmailMessage(to,
        l["Confirm your Trade4MSMEs alert"],
        string.Join("\n\n",
            l["Someone, probably you, asked for Trade4MSMEs alerts at this address:"] + "\n" + summary,
            l["To start receiving them, open this link and confirm (it works for 7 days):"] + "\n" + links.Url(AlertLink.Confirm, subscriptionId, lang),
            l["If you did not ask for this, ignore this message: no alert is sent without your confirmation."])));

    public EmailMessage Manage(string to, string lang, int subscriberId) => Languages.In(lang, () => new EmailMessage(to,
        l["Manage your Trade4MSMEs alerts"],
        string.Join("\n\n",
            l["To see, change or stop your alerts, open this link (it works for 30 days):"] + "\n" + links.Url(AlertLink.Manage, subscriberId, lang),
            l["If you did not ask for this, ignore this message."])));

    public async Task<EmailMessage> ComposeAsync(AppDbContext db, Subscriber subscriber, IReadOnlyList<AlertItem> items, CancellationToken ct)
    {
        var eventIds = items.Select(i => i.EventId).ToList();
        var events = await db.AlertEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var notificationIds = events.Values.Where(e => e.Kind != AlertEventKind.TariffSchedule).Select(e => e.SubjectId).ToList();
        var notifications = await db.Notifications.AsNoTracking().Where(n => notificationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var scheduleIds = events.Values.Where(e => e.Kind == AlertEventKind.TariffSchedule).Select(e => e.SubjectId).ToList();
        var schedules = await db.TariffSchedules.AsNoTracking().Where(s => scheduleIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var lines = new Dictionary<long, (int Count, List<IGrouping<string, TariffChange>> Shown)>();
        foreach (var item in items.Where(i => events.TryGetValue(i.EventId, out var e) && e.Kind == AlertEventKind.TariffSchedule))
        {
            lines[item.Id] = await MatchedLinesAsync(db, events[item.EventId].SubjectId, item.Lines, ct);
        }
        var iso3s = notifications.Values.Select(n => n.MemberIso3).Concat(schedules.Values.Select(s => s.EconomyIso3)).Distinct().ToList();
        var economies = await db.Economies.AsNoTracking().Where(e => iso3s.Contains(e.Iso3)).ToDictionaryAsync(e => e.Iso3, ct);
        var lang = subscriber.Language;
        string Economy(string iso3) => economies.TryGetValue(iso3, out var e) ? e.Name(lang) : iso3;

        return Languages.In(lang, () =>
        {
            var sections = new List<string>();
            var tariffItems = items.Where(i => events[i.EventId].Kind == AlertEventKind.TariffSchedule && schedules.ContainsKey(events[i.EventId].SubjectId)).ToList();
            var newItems = items.Where(i => events[i.EventId].Kind == AlertEventKind.Notification && notifications.ContainsKey(events[i.EventId].SubjectId)).ToList();
            var reminders = items.Where(i => events[i.EventId].Kind == AlertEventKind.CommentDeadline && notifications.ContainsKey(events[i.EventId].SubjectId)).ToList();

            if (tariffItems.Count > 0)
            {
                var text = new List<string> { l["Tariff changes"].Value.ToUpper(CultureInfo.CurrentCulture) };
                foreach (var item in tariffItems)
                {
                    var schedule = schedules[events[item.EventId].SubjectId];
                    var (count, shown) = lines[item.Id];
                    var block = new List<string>
                    {
                        string.Format(CultureInfo.CurrentCulture, l["{0}: schedule version {1}, in force from {2} ({3} lines match your alerts)"],
                            Economy(schedule.EconomyIso3), schedule.Version, Date(schedule.ValidFrom), count),
                    };
                    foreach (var line in shown)
                    {
                        block.Add($"- {line.Key} {line.First().Description}");
                        block.AddRange(line.Select(c => $"  {RateLabel(c)}: {c.OldRate ?? "—"} → {c.NewRate ?? "—"}"));
                    }
                    if (count > shown.Count)
                    {
                        block.Add(string.Format(CultureInfo.CurrentCulture, l["… and {0} more lines."], count - shown.Count));
                    }
                    block.Add(l["Every change in this version:"] + "\n"
                        + site.Value.Link($"/{lang}/tariffs/{schedule.EconomyIso3}/diff?from={schedule.Version - 1}&to={schedule.Version}"));
                    text.Add(string.Join('\n', block));
                }
                sections.Add(string.Join("\n\n", text));
            }
            if (newItems.Count > 0)
            {
                var text = new List<string> { l["New notifications"].Value.ToUpper(CultureInfo.CurrentCulture) };
                foreach (var n in newItems.Select(i => notifications[events[i.EventId].SubjectId]).OrderBy(n => n.DistributionDate).ThenBy(n => n.DocumentSymbol, StringComparer.Ordinal))
                {
                    var block = new List<string> { $"- {n.DocumentSymbol} ({Domain(n)}, {Economy(n.MemberIso3)}, {Date(n.DistributionDate)})", $"  {n.Title}" };
                    if (n.ProductsText is { } products)
                    {
                        block.Add($"  {l["Products"]}: {products}");
                    }
                    if (n.CommentDeadline is { } deadline)
                    {
                        block.Add($"  {l["Comments until"]}: {Date(deadline)}");
                    }
                    block.Add("  " + NotificationUrl(n, lang));
                    text.Add(string.Join('\n', block));
                }
                sections.Add(string.Join("\n\n", text));
            }
            if (reminders.Count > 0)
            {
                var text = new List<string> { l["Comment deadlines"].Value.ToUpper(CultureInfo.CurrentCulture) };
                foreach (var n in reminders.Select(i => notifications[events[i.EventId].SubjectId]).OrderBy(n => n.CommentDeadline))
                {
                    text.Add(string.Join('\n',
                        $"- {n.DocumentSymbol} ({Domain(n)}, {Economy(n.MemberIso3)}): {n.Title}",
                        "  " + string.Format(CultureInfo.CurrentCulture, l["Comments close on {0}."], Date(n.CommentDeadline!.Value)),
                        "  " + NotificationUrl(n, lang)));
                }
                sections.Add(string.Join("\n\n", text));
            }

            var counts = new List<string>();
            if (tariffItems.Count > 0)
            {
                counts.Add(string.Format(CultureInfo.CurrentCulture, l["tariff changes: {0}"], tariffItems.Count));
            }
            if (newItems.Count > 0)
            {
                counts.Add(string.Format(CultureInfo.CurrentCulture, l["notifications: {0}"], newItems.Count));
            }
            if (reminders.Count > 0)
            {
                counts.Add(string.Format(CultureInfo.CurrentCulture, l["comment deadlines: {0}"], reminders.Count));
            }
            var unsubscribe = links.Url(AlertLink.Unsubscribe, subscriber.Id, lang);
            sections.Add(string.Join('\n',
                l["You receive this because you asked for these alerts on Trade4MSMEs."],
                l["Change your alerts:"] + " " + links.Url(AlertLink.Manage, subscriber.Id, lang),
                l["Stop all alerts:"] + " " + unsubscribe));
            return new EmailMessage(subscriber.Email,
                string.Format(CultureInfo.CurrentCulture, l["Trade4MSMEs alerts ({0})"], string.Join(", ", counts)),
                string.Join("\n\n", sections), ListUnsubscribe: unsubscribe);
        });
    }

    // How many changed lines of a schedule an alert covers, and the first of them with their changes: only those
    // are read, so a digest to each of thousands of subscribers does not read the whole version each time.
    static async Task<(int Count, List<IGrouping<string, TariffChange>> Shown)> MatchedLinesAsync(
        AppDbContext db, int scheduleId, string? matched, CancellationToken ct)
    {
        var changes = db.TariffChanges.AsNoTracking().Where(c => c.ScheduleId == scheduleId);
        int count;
        List<string> shown;
        if (matched == AlertDispatcher.AllLines)
        {
            var codes = changes.Select(c => c.LineCode).Distinct();
            count = await codes.CountAsync(ct);
            shown = await codes.OrderBy(c => c).Take(MaxLinesPerSchedule).ToListAsync(ct);
        }
        else
        {
            var codes = (matched ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            count = codes.Length;
            shown = codes.Take(MaxLinesPerSchedule).ToList();
        }
        var rows = await changes.Where(c => shown.Contains(c.LineCode)).OrderBy(c => c.Id).ToListAsync(ct);
        return (count, rows.GroupBy(c => c.LineCode, StringComparer.Ordinal).ToList());
    }

    string NotificationUrl(Notification n, string lang) => site.Value.Link($"/{lang}/notifications/{n.DocumentSymbol}");

    static string Domain(Notification n) => n.Domain.ToString().ToUpperInvariant();

    static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    string RateLabel(TariffChange c)
    {
        var label = c.Rate switch
        {
            "Mfn" => l["MFN duty"].Value,
            "Preferential" => l["Preferential duty"].Value,
            "NonMfn" => l["Non-MFN duty"].Value,
            "InternalTax" => l["Internal tax"].Value,
            "AdValoremEquivalent" => l["Ad valorem equivalent"].Value,
            "Quota" => l["Tariff-rate quota"].Value,
            _ => l["Whole line"].Value,
        };
        return c.Programme is { } programme ? $"{label} ({programme})" : label;
    }
}
