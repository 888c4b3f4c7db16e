using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Accounts;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Alerts;

namespace Trade4Msmes.Tests.Alerts;

// Checking, storing, confirming and stopping subscriptions on the shared app. Every test uses addresses of its
// own, and the subscriptions it stores follow a keyword nothing else mentions, so the shared app's dispatcher
// never matches them with the notifications other tests import.
public class SubscriptionTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewEmail(string label) => $"{label}-{Guid.NewGuid():N}@example.org";

    const string NothingMatches = "zzqx unobtainium";

    static SubscriptionInput Input(string? products = null, string[]? markets = null, string? keywords = null, string[]? kinds = null, string? frequency = "daily") =>
        new(products, markets ?? [], keywords, kinds ?? ["sps", "tbt", "tariff"], frequency);

    async Task<(Subscription? Subscription, Dictionary<string, string> Problems)> CheckAsync(SubscriptionInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Subscriptions>().CheckAsync(input, Ct);
    }

    async Task<Subscription> SubscribeAsync(string email, bool confirmed, string lang = "en")
    {
        var (subscription, problems) = await CheckAsync(Input(keywords: NothingMatches));
        problems.ShouldBeEmpty();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Subscriptions>().SubscribeAsync(email, lang, subscription!, confirmed, Ct);
    }

    async Task<T> WithAsync<T>(Func<Subscriptions, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<Subscriptions>());
    }

    async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task AValidFormBecomesANormalisedSubscription()
    {
        var (subscription, problems) = await CheckAsync(Input(
            products: "0901.21, 09 0901;0901", markets: ["usa", "202 KEN"], keywords: "Roasted coffee\r\ngreen tea; roasted COFFEE",
            kinds: ["sps", "tariff"], frequency: "weekly"));

        problems.ShouldBeEmpty();
        subscription.ShouldNotBeNull();
        subscription.Products.ShouldBe("09 0901 090121");
        subscription.Markets.ShouldBe("202 KEN USA");
        subscription.Keywords.ShouldBe("Roasted coffee\ngreen tea");
        subscription.Kinds.ShouldBe(AlertKinds.Sps | AlertKinds.Tariff);
        subscription.Frequency.ShouldBe(AlertFrequency.Weekly);
    }

    public static TheoryData<SubscriptionInput, string> BadForms => new()
    {
        { Input(products: "9999"), "products" },
        { Input(products: "0901 12x"), "products" },
        { Input(products: "090199"), "products" },
        { Input(products: "09012"), "products" },
        { Input(products: string.Join(' ', Enumerable.Range(1, 51).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)))), "products" },
        { Input(markets: ["QQQ"]), "markets" },
        { Input(markets: ["999"]), "markets" },
        { Input(keywords: new string('a', 101)), "keywords" },
        { Input(keywords: "coffee\n!!!"), "keywords" },
        { Input(keywords: string.Join('\n', Enumerable.Range(1, 21).Select(i => $"word{i}"))), "keywords" },
        { Input(), "products" },
        { Input(products: "09", kinds: []), "kinds" },
        { Input(products: "09", kinds: ["sps", "ads"]), "kinds" },
        { Input(products: "09", frequency: "hourly"), "frequency" },
        { Input(products: "09", frequency: null), "frequency" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task ABadFormIsRefusedWithTheFieldAtFault(SubscriptionInput input, string field)
    {
        var (subscription, problems) = await CheckAsync(input);

        subscription.ShouldBeNull();
        problems.Keys.ShouldContain(field);
    }

    [Fact]
    public async Task AnUnconfirmedAddressIsSentALinkThatConfirmsTheSubscription()
    {
        var email = NewEmail("unconfirmed");

        var subscription = await SubscribeAsync(email, confirmed: false, lang: "fr");

        (await DbAsync(db => db.Subscriptions.SingleAsync(s => s.Id == subscription.Id, Ct))).ConfirmedAt.ShouldBeNull();
        var message = (await Outbox.ToAsync(app.Services, email)).ShouldHaveSingleItem();
        message.TextBody.ShouldContain("zzqx unobtainium");
        var link = new Uri("http://localhost" + await Outbox.LinkAsync(app.Services, email, "/alerts/confirm"));
        link.AbsolutePath.ShouldBe("/fr/alerts/confirm");
        var (id, problem) = app.Services.GetRequiredService<AlertLinks>().Read(AlertLink.Confirm, Uri.UnescapeDataString(link.Query["?token=".Length..]));
        (id, problem).ShouldBe((subscription.Id, (AlertLinkProblem?)null));

        await WithAsync(s => s.ConfirmAsync(id, Ct));

        (await DbAsync(db => db.Subscriptions.SingleAsync(s => s.Id == subscription.Id, Ct))).ConfirmedAt.ShouldNotBeNull("the confirmation is stored");
    }

    [Fact]
    public async Task AConfirmedAddressIsSentNoConfirmation()
    {
        var email = NewEmail("confirmed");

        var subscription = await SubscribeAsync(email, confirmed: true);

        (await DbAsync(db => db.Subscriptions.SingleAsync(s => s.Id == subscription.Id, Ct))).ConfirmedAt.ShouldNotBeNull();
        (await Outbox.ToAsync(app.Services, email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASecondSubscriptionForAnAddressIsKeptBesideTheFirst()
    {
        var email = NewEmail("twice");
        var first = await SubscribeAsync(email, confirmed: true);

        var second = await SubscribeAsync(email, confirmed: true, lang: "es");

        second.Id.ShouldNotBe(0, "the second subscription is stored");
        second.Id.ShouldNotBe(first.Id);
        var subscriber = (await WithAsync(s => s.SubscriberAsync(email, Ct))).ShouldNotBeNull();
        subscriber.Subscriptions.Select(s => s.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        subscriber.Language.ShouldBe("es", "a confirmed address takes the language it last subscribed in");
    }

    [Fact]
    public async Task StoppingEverythingRemovesTheSubscriptionsAndTheAlertsNotYetSent()
    {
        var email = NewEmail("stop");
        var other = NewEmail("stay");
        var subscription = await SubscribeAsync(email, confirmed: true);
        var kept = await SubscribeAsync(other, confirmed: true);
        var alertEvent = new AlertEvent { Kind = AlertEventKind.TariffSchedule, SubjectId = Random.Shared.Next(1_000_000, int.MaxValue), CreatedAt = DateTime.UtcNow, MatchedAt = DateTime.UtcNow };
        await DbAsync(async db =>
        {
            db.AlertEvents.Add(alertEvent);
            await db.SaveChangesAsync(Ct);
            var due = new DateTime(2099, 1, 1, 6, 0, 0, DateTimeKind.Utc);
            db.AlertItems.AddRange(
                new AlertItem { SubscriberId = subscription.SubscriberId, EventId = alertEvent.Id, CreatedAt = DateTime.UtcNow, DueAt = due },
                new AlertItem { SubscriberId = kept.SubscriberId, EventId = alertEvent.Id, CreatedAt = DateTime.UtcNow, DueAt = due });
            return await db.SaveChangesAsync(Ct);
        });

        var removed = await WithAsync(s => s.UnsubscribeAllAsync(subscription.SubscriberId, Ct));

        removed.ShouldBe(1);
        (await DbAsync(db => db.Subscriptions.CountAsync(s => s.SubscriberId == subscription.SubscriberId, Ct))).ShouldBe(0);
        (await DbAsync(db => db.AlertItems.CountAsync(i => i.EventId == alertEvent.Id, Ct))).ShouldBe(1);
        (await DbAsync(db => db.Subscriptions.CountAsync(s => s.Id == kept.Id, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task ASubscriberChangesOrRemovesOnlyTheirOwnSubscriptions()
    {
        var mine = await SubscribeAsync(NewEmail("mine"), confirmed: true);
        var theirs = await SubscribeAsync(NewEmail("theirs"), confirmed: true);

        (await WithAsync(s => s.ChangeFrequencyAsync(mine.SubscriberId, theirs.Id, AlertFrequency.Immediate, Ct))).ShouldBeFalse();
        (await WithAsync(s => s.RemoveAsync(mine.SubscriberId, theirs.Id, Ct))).ShouldBeFalse();
        (await WithAsync(s => s.ChangeFrequencyAsync(mine.SubscriberId, mine.Id, AlertFrequency.Immediate, Ct))).ShouldBeTrue();

        (await DbAsync(db => db.Subscriptions.SingleAsync(s => s.Id == theirs.Id, Ct))).Frequency.ShouldBe(AlertFrequency.Daily);
        (await DbAsync(db => db.Subscriptions.SingleAsync(s => s.Id == mine.Id, Ct))).Frequency.ShouldBe(AlertFrequency.Immediate);
        (await WithAsync(s => s.RemoveAsync(mine.SubscriberId, mine.Id, Ct))).ShouldBeTrue();
        (await DbAsync(db => db.Subscriptions.AnyAsync(s => s.Id == mine.Id, Ct))).ShouldBeFalse();
    }

    [Fact]
    public async Task TheManageLinkGoesOnlyToAnAddressWithAlerts()
    {
        var email = NewEmail("manage");
        var stranger = NewEmail("stranger");
        var subscription = await SubscribeAsync(email, confirmed: true);

        await WithAsync(async s =>
        {
            await s.SendManageLinkAsync(email, "en", Ct);
            await s.SendManageLinkAsync(stranger, "en", Ct);
            return 0;
        });

        var link = new Uri("http://localhost" + await Outbox.LinkAsync(app.Services, email, "/alerts/manage"));
        app.Services.GetRequiredService<AlertLinks>().Read(AlertLink.Manage, Uri.UnescapeDataString(link.Query["?token=".Length..]))
            .ShouldBe((subscription.SubscriberId, (AlertLinkProblem?)null));
        (await Outbox.ToAsync(app.Services, stranger)).ShouldBeEmpty();
    }
}
