using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Alerts;

// What the subscription form sends, before it is checked.
public sealed record SubscriptionInput(string? Products, IReadOnlyList<string> Markets, string? Keywords, IReadOnlyList<string> Kinds, string? Frequency)
{
    public const int MaxProducts = 50;
    public const int MaxMarkets = 50;
    public const int MaxKeywords = 20;
    public const int MaxKeywordLength = 100;

    public static readonly string[] KindNames = ["sps", "tbt", "tariff"];
    public static readonly string[] FrequencyNames = ["immediate", "daily", "weekly"];

    public static SubscriptionInput Empty { get; } = new(null, [], null, KindNames, "daily");
}

// Subscribing (double opt-in), confirming, changing and stopping alerts.
public sealed class Subscriptions(AppDbContext db, AlertEmails emails, OutboxSender sender, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    // Checks the form against the nomenclature and the economies; problems are keyed by field name.
    public async Task<(Subscription? Subscription, Dictionary<string, string> Problems)> CheckAsync(SubscriptionInput input, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>();
        var products = (input.Products ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Replace(".", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var known = products.Count == 0 ? [] : (await db.HsCodes.AsNoTracking()
            .Where(c => c.Edition == HsEdition.Current && products.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (products.Count > SubscriptionInput.MaxProducts)
        {
            problems["products"] = Phrase("An alert can follow at most 50 products; make a second alert for more.");
        }
        else if (products.Any(p => p.Length is not (2 or 4 or 6) || !known.Contains(p)))
        {
            problems["products"] = Phrase("Products must be HS 2022 chapters, headings or subheadings that exist, such as 09, 0901 or 090121.");
        }

        var markets = input.Markets.SelectMany(m => m.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).Select(m => m.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal).ToList();
        var regions = (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(ct)).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var economies = (await db.Economies.AsNoTracking().Select(e => e.Iso3).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (markets.Count > SubscriptionInput.MaxMarkets || markets.Any(m => !economies.Contains(m) && !regions.Contains(m)))
        {
            problems["markets"] = Phrase("Choose markets from the list (at most 50).");
        }

        var keywords = (input.Keywords ?? "").Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (keywords.Count > SubscriptionInput.MaxKeywords || keywords.Any(k => k.Length > SubscriptionInput.MaxKeywordLength || k.Any(char.IsControl))
            || keywords.Any(k => AlertCriteria.WordsOf(k).Count == 0))
        {
            problems["keywords"] = Phrase("Write one keyword or phrase per line (at most 20, of up to 100 characters each).");
        }
        if (products.Count == 0 && markets.Count == 0 && keywords.Count == 0 && !problems.ContainsKey("products"))
        {
            problems["products"] = Phrase("Choose at least one product, market or keyword, or there would be too many alerts to read.");
        }

        var kinds = AlertKinds.None;
        foreach (var kind in input.Kinds)
        {
            kinds |= kind switch { "sps" => AlertKinds.Sps, "tbt" => AlertKinds.Tbt, "tariff" => AlertKinds.Tariff, _ => AlertKinds.None };
        }
        if (kinds == AlertKinds.None || input.Kinds.Any(k => !SubscriptionInput.KindNames.Contains(k)))
        {
            problems["kinds"] = Phrase("Choose what to be alerted to: SPS measures, TBT measures or tariff changes.");
        }
        var frequency = Array.IndexOf(SubscriptionInput.FrequencyNames, input.Frequency ?? "");
        if (frequency < 0)
        {
            problems["frequency"] = Phrase("Choose how often to receive alerts.");
        }
        return problems.Count > 0
            ? (null, problems)
            : (new Subscription
            {
                Products = string.Join(' ', products.Order(StringComparer.Ordinal)),
                Markets = string.Join(' ', markets.Order(StringComparer.Ordinal)),
                Keywords = string.Join('\n', keywords),
                Kinds = kinds,
                Frequency = (AlertFrequency)(frequency + 1),
            }, problems);
    }

    // Adds a subscription for an address. Unless the caller has already shown they own the address (signed in
    // with it, or came from a link sent to it), the subscription waits for the link in a confirmation email.
    public async Task<Subscription> SubscribeAsync(string email, string lang, Subscription subscription, bool addressConfirmed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Subscribers.AsTracking().FirstOrDefaultAsync(s => s.Email == email, ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = email, Language = lang, CreatedAt = now };
            db.Subscribers.Add(subscriber);
        }
        else if (addressConfirmed)
        {
            subscriber.Language = lang;
        }
        subscription.CreatedAt = now;
        subscription.ConfirmedAt = addressConfirmed ? now : null;
        subscriber.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        if (!addressConfirmed)
        {
            EmailOutbox.Enqueue(db, emails.Confirm(email, lang, subscription.Id, await SummaryAsync(subscription, lang, ct)), now);
            await db.SaveChangesAsync(ct);
            sender.Wake();
        }
        return subscription;
    }

    // Confirms the subscription a link stands for; the subscriber's language becomes the link's.
    public async Task<Subscription?> ConfirmAsync(int subscriptionId, CancellationToken ct)
    {
        var subscription = await db.Subscriptions.AsTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is not null && subscription.ConfirmedAt is null)
        {
            subscription.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return subscription;
    }

    public Task<Subscriber?> SubscriberAsync(int id, CancellationToken ct) =>
        db.Subscribers.Include(s => s.Subscriptions).FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Subscriber?> SubscriberAsync(string email, CancellationToken ct) =>
        db.Subscribers.Include(s => s.Subscriptions).FirstOrDefaultAsync(s => s.Email == email, ct);

    public async Task<bool> ChangeFrequencyAsync(int subscriberId, int subscriptionId, AlertFrequency frequency, CancellationToken ct) =>
        await db.Subscriptions.Where(s => s.Id == subscriptionId && s.SubscriberId == subscriberId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Frequency, frequency), ct) == 1;

    public async Task<bool> RemoveAsync(int subscriberId, int subscriptionId, CancellationToken ct) =>
        await db.Subscriptions.Where(s => s.Id == subscriptionId && s.SubscriberId == subscriberId).ExecuteDeleteAsync(ct) == 1;

    // Stops everything: the subscriptions go, and so do alerts matched but not yet sent.
    public async Task<int> UnsubscribeAllAsync(int subscriberId, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var removed = await db.Subscriptions.Where(s => s.SubscriberId == subscriberId).ExecuteDeleteAsync(ct);
            await db.AlertItems.Where(i => i.SubscriberId == subscriberId && i.OutboxMessageId == null).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return removed;
        });
    }

    // Sends the link to the preferences page, if the address has alerts; says nothing either way to the asker.
    public async Task SendManageLinkAsync(string email, string lang, CancellationToken ct)
    {
        if (await db.Subscribers.FirstOrDefaultAsync(s => s.Email == email, ct) is { } subscriber)
        {
            EmailOutbox.Enqueue(db, emails.Manage(email, lang, subscriber.Id), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            sender.Wake();
        }
    }

    // "Products: 0901, 090240 · Markets: United States, Europe · …", in the given language.
    public async Task<string> SummaryAsync(Subscription s, string lang, CancellationToken ct) => (await SummariesAsync([s], lang, ct))[0];

    // The summaries of several subscriptions, reading the market names once.
    public async Task<IReadOnlyList<string>> SummariesAsync(IReadOnlyList<Subscription> subscriptions, string lang, CancellationToken ct)
    {
        var codes = subscriptions.SelectMany(s => s.Markets.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var economies = await db.Economies.AsNoTracking().Where(e => codes.Contains(e.Iso3)).ToDictionaryAsync(e => e.Iso3, e => e.Name(lang), ct);
        var regions = (await db.Regions.AsNoTracking().ToListAsync(ct)).ToDictionary(r => r.Code.ToString(CultureInfo.InvariantCulture), r => r.Name(lang));
        return Languages.In(lang, () => subscriptions.Select(s =>
        {
            var parts = new List<string>();
            if (s.Products.Length > 0)
            {
                parts.Add($"{l["Products"]}: {s.Products.Replace(" ", ", ", StringComparison.Ordinal)}");
            }
            if (s.Markets.Length > 0)
            {
                parts.Add($"{l["Markets"]}: {string.Join(", ", s.Markets.Split(' ').Select(c => economies.GetValueOrDefault(c) ?? regions.GetValueOrDefault(c) ?? c))}");
            }
            if (s.Keywords.Length > 0)
            {
                parts.Add($"{l["Keywords"]}: {s.Keywords.Replace("\n", ", ", StringComparison.Ordinal)}");
            }
            parts.Add($"{l["Alerts"]}: {KindsLabel(s.Kinds)}");
            parts.Add($"{l["How often"]}: {l[Labels.Of(s.Frequency)]}");
            return string.Join("\n", parts);
        }).ToList());
    }

    string KindsLabel(AlertKinds kinds) => string.Join(", ", new[]
    {
        kinds.HasFlag(AlertKinds.Sps) ? l["SPS measures"].Value : null,
        kinds.HasFlag(AlertKinds.Tbt) ? l["TBT measures"].Value : null,
        kinds.HasFlag(AlertKinds.Tariff) ? l["Tariff changes"].Value.ToLower(CultureInfo.CurrentCulture) : null,
    }.OfType<string>());
}
