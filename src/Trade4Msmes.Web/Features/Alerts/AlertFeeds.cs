using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Web.Features.Alerts;

// Atom feeds for any alert filter, with no account: the same criteria as a subscription, in the query string.
//   /feeds/alerts.atom?products=0901&markets=USA+150&keywords=organic&kinds=sps,tbt,tariff&lang=fr
public static class AlertFeeds
{
    const int MaxEntries = 50;
    const int LinesPerEntry = 50;

    public static IEndpointRouteBuilder MapAlertFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/alerts.atom", FeedAsync).WithTags("Alerts")
            .WithSummary("An Atom feed of the notifications and tariff changes that match an alert filter "
                + "(products, markets, keywords, kinds = sps,tbt,tariff; lang)")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static string Url(Subscription s, string lang) =>
        "/feeds/alerts.atom?" + string.Join('&', new[]
        {
            s.Products.Length > 0 ? "products=" + Uri.EscapeDataString(s.Products) : null,
            s.Markets.Length > 0 ? "markets=" + Uri.EscapeDataString(s.Markets) : null,
            s.Keywords.Length > 0 ? "keywords=" + Uri.EscapeDataString(s.Keywords.Replace('\n', ';')) : null,
            "kinds=" + string.Join(',', new[] { (AlertKinds.Sps, "sps"), (AlertKinds.Tbt, "tbt"), (AlertKinds.Tariff, "tariff") }
                .Where(k => s.Kinds.HasFlag(k.Item1)).Select(k => k.Item2)),
            "lang=" + lang,
        }.OfType<string>());

    static async Task<IResult> FeedAsync(
        HttpContext http, AppDbContext db, NotificationQueries notifications, Subscriptions subscriptions, IStringLocalizer<SharedResource> l, IOptions<SiteOptions> site,
        TimeProvider clock, CancellationToken ct,
        string? products = null, string? markets = null, string? keywords = null, string? kinds = null, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang);
        var input = new SubscriptionInput(products, markets is null ? [] : [markets], keywords,
            (kinds ?? "sps,tbt,tariff").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "daily");
        var (subscription, problems) = await subscriptions.CheckAsync(input, ct);
        if (subscription is null)
        {
            return ApiProblems.BadRequest("Invalid filter", string.Join(" ", problems.Select(p => $"{p.Key}: {p.Value}")));
        }
        var criteria = AlertCriteria.Of(subscription, await AlertDispatcher.RegionsAsync(db, ct));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var entries = new List<(string Id, string Title, string Link, DateTime Updated, string Summary)>();

        var domains = criteria.Kinds & (AlertKinds.Sps | AlertKinds.Tbt);
        if (domains != AlertKinds.None)
        {
            var candidates = await notifications.Query(new NotificationFilter(criteria.Products, criteria.Markets.ToList(), null, domains, false, today))
                .OrderByDescending(n => n.DistributionDate).ThenByDescending(n => n.Id).Take(1000).ToListAsync(ct);
            foreach (var n in candidates.Where(n => criteria.Covers(n, AlertCriteria.WordsOf(n.SearchText))).Take(MaxEntries))
            {
                var link = site.Value.Link(NotificationQueries.Url(n.DocumentSymbol, lang));
                entries.Add((link, $"{n.DocumentSymbol}: {n.Title}", link, n.DistributionDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    string.Join("\n", new[] { n.ProductsText, n.CommentDeadline is { } d ? $"{l["Comments until"]}: {d:yyyy-MM-dd}" : null }.OfType<string>())));
            }
        }
        if (criteria.Kinds.HasFlag(AlertKinds.Tariff))
        {
            var economies = criteria.Markets.ToList();
            var changes = await db.TariffChanges.AsNoTracking()
                .Where(c => economies.Count == 0 || economies.Contains(c.EconomyIso3))
                .OrderByDescending(c => c.ScheduleId).ThenBy(c => c.Id).Take(50_000).ToListAsync(ct);
            var matching = changes.Where(c => criteria.CoversProducts(c.Hs6.Split(' ')) && criteria.CoversWords(AlertCriteria.WordsOf(c.Description)))
                .GroupBy(c => c.ScheduleId).Take(MaxEntries).ToList();
            var scheduleIds = matching.Select(g => g.Key).ToList();
            var schedules = await db.TariffSchedules.AsNoTracking().Where(s => scheduleIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            foreach (var group in matching)
            {
                var schedule = schedules[group.Key];
                var link = site.Value.Link($"/{lang}/tariffs/{schedule.EconomyIso3}/diff?from={schedule.Version - 1}&to={schedule.Version}");
                var lines = group.GroupBy(c => c.LineCode, StringComparer.Ordinal).ToList();
                var summary = string.Join("\n", lines.Take(LinesPerEntry).Select(line =>
                    $"{line.Key} {line.First().Description}: " + string.Join("; ", line.Select(c => $"{c.Rate}{(c.Programme is null ? "" : $" ({c.Programme})")} {c.OldRate ?? "—"} → {c.NewRate ?? "—"}"))));
                entries.Add((link, string.Format(CultureInfo.InvariantCulture, "{0} {1} v{2} ({3}): {4}", l["Tariff changes"], schedule.EconomyIso3, schedule.Version,
                    schedule.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lines.Count), link, schedule.ReceivedAt.UtcDateTime, summary));
            }
        }

        var self = site.Value.Link(http.Request.Path + http.Request.QueryString);
        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            await xml.WriteStartElementAsync(null, "feed", atom);
            await xml.WriteAttributeStringAsync("xml", "lang", null, lang);
            await xml.WriteElementStringAsync(null, "id", atom, self);
            await xml.WriteElementStringAsync(null, "title", atom, $"Trade4MSMEs — {l["Alerts"]}");
            await xml.WriteElementStringAsync(null, "updated", atom, Atom(entries.Count == 0 ? clock.GetUtcNow().UtcDateTime : entries.Max(e => e.Updated)));
            await xml.WriteStartElementAsync(null, "link", atom);
            await xml.WriteAttributeStringAsync(null, "rel", null, "self");
            await xml.WriteAttributeStringAsync(null, "href", null, self);
            await xml.WriteEndElementAsync();
            await xml.WriteStartElementAsync(null, "author", atom);
            await xml.WriteElementStringAsync(null, "name", atom, "Trade4MSMEs");
            await xml.WriteEndElementAsync();
            foreach (var entry in entries.OrderByDescending(e => e.Updated))
            {
                await xml.WriteStartElementAsync(null, "entry", atom);
                await xml.WriteElementStringAsync(null, "id", atom, entry.Id);
                await xml.WriteElementStringAsync(null, "title", atom, entry.Title);
                await xml.WriteStartElementAsync(null, "link", atom);
                await xml.WriteAttributeStringAsync(null, "href", null, entry.Link);
                await xml.WriteEndElementAsync();
                await xml.WriteElementStringAsync(null, "updated", atom, Atom(entry.Updated));
                await xml.WriteElementStringAsync(null, "summary", atom, entry.Summary);
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    static string Atom(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
