using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trade4Msmes.Tests.Accounts;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Alerts;

namespace Trade4Msmes.Tests.AlertPages;

// The subscription pages: double opt-in, the preferences page, unsubscribing from the link, and bad input.
public class SubscriptionPageTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string NewEmail() => $"subscriber-{Guid.NewGuid():N}@example.org";

    static Dictionary<string, string> Form(string email, string products = "0901", string markets = "USA") => new()
    {
        ["email"] = email,
        ["products"] = products,
        ["markets"] = markets,
        ["keywords"] = "",
        ["kinds"] = "tariff",
        ["frequency"] = "weekly",
    };

    [Fact]
    public async Task AnAlertStartsOnlyAfterTheOwnerConfirmsFromTheEmailedLink()
    {
        var client = app.CreateClientWithoutRedirects();
        var email = NewEmail();

        var posted = await client.PostFormAsync("/fr/alerts", Form(email), formPage: "/fr/alerts");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe("/fr/alerts?sent=1");
        var subscription = (await SubscriptionsOfAsync(email)).ShouldHaveSingleItem();
        subscription.ConfirmedAt.ShouldBeNull();
        subscription.Kinds.ShouldBe(AlertKinds.Tariff);
        subscription.Frequency.ShouldBe(AlertFrequency.Weekly);
        var message = (await Outbox.ToAsync(app.Services, email)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Confirmez votre alerte Trade4MSMEs");
        message.TextBody.ShouldContain("0901");

        var link = await Outbox.LinkAsync(app.Services, email, "/fr/alerts/confirm");
        var page = await client.GetStringAsync(link, Ct);
        page.ShouldContain("0901");
        (await SubscriptionsOfAsync(email)).Single().ConfirmedAt.ShouldBeNull("opening the link alone confirms nothing");

        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var confirmed = await client.PostFormAsync(link, new() { ["token"] = token }, formPage: link);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.ShouldStartWith("/fr/alerts/manage?done=confirmed&token=");
        (await SubscriptionsOfAsync(email)).Single().ConfirmedAt.ShouldNotBeNull();

        var manage = await client.GetStringAsync(confirmed.Headers.Location!.OriginalString, Ct);
        manage.ShouldContain(email);
        manage.ShouldContain("0901");
    }

    [Theory]
    [InlineData("victim@example.org\r\nBcc: everyone@example.org", "0901")]
    [InlineData("victim@example.org%0d%0aBcc:everyone@example.org", "0901")]
    [InlineData("{0}", "999999")]
    [InlineData("{0}", "0901 12345")]
    [InlineData("{0}", "")]
    public async Task BadInputIsRefusedWithAClearErrorAndStoresNothing(string emailPattern, string products)
    {
        var email = string.Format(System.Globalization.CultureInfo.InvariantCulture, emailPattern, NewEmail());
        var client = app.CreateClientWithoutRedirects();
        var form = Form(email, products, markets: products.Length == 0 ? "" : "USA");

        var response = await client.PostFormAsync("/en/alerts", form, formPage: "/en/alerts");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Please correct the following");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Subscribers.CountAsync(s => s.Email.Contains("everyone@example.org") || s.Email == email, Ct)).ShouldBe(0);
        (await db.OutboxMessages.CountAsync(m => m.ToAddress.Contains("everyone@example.org") || m.ToAddress == email, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task TheUnsubscribeLinkStopsEveryAlertButAForgedOrExpiredOneChangesNothing()
    {
        var email = NewEmail();
        var subscriber = await SubscribeConfirmedAsync(email);
        var links = app.Services.GetRequiredService<AlertLinks>();
        var client = app.CreateClientWithoutRedirects();
        var token = links.Token(AlertLink.Unsubscribe, subscriber);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var expired = new AlertLinks(app.Services.GetRequiredService<IDataProtectionProvider>(),
            new FixedTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromDays(401)), app.Services.GetRequiredService<IOptions<SiteOptions>>())
            .Token(AlertLink.Unsubscribe, subscriber);
        var manageToken = links.Token(AlertLink.Manage, subscriber);

        foreach (var (bad, says) in new[] { (forged, "not valid"), (expired, "expired"), (manageToken, "not valid") })
        {
            var refused = await client.PostAsync($"/en/alerts/unsubscribe?token={Uri.EscapeDataString(bad)}", OneClick(), Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain(says);
            (await SubscriptionsOfAsync(email)).Count.ShouldBe(1);
        }

        var url = $"/en/alerts/unsubscribe?token={Uri.EscapeDataString(token)}";
        (await client.GetStringAsync(url, Ct)).ShouldContain(email);
        (await SubscriptionsOfAsync(email)).Count.ShouldBe(1, "opening the page alone changes nothing");
        // What a mail client's one-click button sends (RFC 8058): no cookie, no antiforgery token.
        var done = await client.PostAsync(url, OneClick(), Ct);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync(Ct)).ShouldContain("You are unsubscribed");
        (await SubscriptionsOfAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASignedInPersonsAlertStartsAtOnceAndTheirAlertsPageShowsIt()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Trader");
        var client = await TestAccounts.SignedInClientAsync(app.Factory, account);

        var posted = await client.PostFormAsync("/en/alerts", Form("ignored@example.org", "610910", "150"), formPage: "/en/alerts");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe("/en/alerts/manage?done=added");
        (await SubscriptionsOfAsync(account.Email)).ShouldHaveSingleItem().ConfirmedAt.ShouldNotBeNull();
        (await SubscriptionsOfAsync("ignored@example.org")).ShouldBeEmpty();
        (await Outbox.ToAsync(app.Services, account.Email)).ShouldBeEmpty("no confirmation is needed");
        var page = await client.GetStringAsync("/en/alerts/manage", Ct);
        page.ShouldContain("610910");
        page.ShouldContain("Europe");
    }

    [Fact]
    public async Task ThePreferencesPageChangesHowOftenAndRemovesAlerts()
    {
        var email = NewEmail();
        var subscriber = await SubscribeConfirmedAsync(email);
        var token = Uri.EscapeDataString(app.Services.GetRequiredService<AlertLinks>().Token(AlertLink.Manage, subscriber));
        var client = app.CreateClientWithoutRedirects();
        var page = $"/en/alerts/manage?token={token}";
        var id = (await SubscriptionsOfAsync(email)).Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await client.PostFormAsync($"/en/alerts/manage?handler=frequency&token={token}", new() { ["id"] = id, ["frequency"] = "immediate" }, formPage: page))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubscriptionsOfAsync(email)).Single().Frequency.ShouldBe(AlertFrequency.Immediate);

        (await client.PostFormAsync($"/en/alerts/manage?handler=remove&token={token}", new() { ["id"] = id }, formPage: page))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubscriptionsOfAsync(email)).ShouldBeEmpty();

        (await client.GetAsync("/en/alerts/manage?token=forged", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AskingForTheLinkWithAWrongAddressSaysSoAndKeepsWhatWasTyped()
    {
        var client = app.CreateClientWithoutRedirects();

        var response = await client.PostFormAsync("/en/alerts/manage?handler=link", new() { ["email"] = "trader at example.org" }, formPage: "/en/alerts/manage");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("Enter an email address such as name@example.org.");
        html.ShouldContain("value=\"trader at example.org\"");
        html.ShouldNotContain("This link is not valid");
    }

    [Fact]
    public async Task TheAtomFeedOfAFilterNeedsNoAccountAndRefusesAnUnknownCode()
    {
        var client = app.CreateClient();

        var feed = await client.GetAsync("/feeds/alerts.atom?products=0901&markets=USA&kinds=sps,tbt,tariff&lang=es", Ct);

        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync(Ct));
        xml.Root!.Name.ShouldBe(System.Xml.Linq.XName.Get("feed", "http://www.w3.org/2005/Atom"));
        var bad = await client.GetAsync("/feeds/alerts.atom?products=999999", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    async Task<int> SubscribeConfirmedAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetRequiredService<Web.Features.Alerts.Subscriptions>();
        var (subscription, problems) = await subscriptions.CheckAsync(new SubscriptionInput("0901", ["USA"], null, ["tariff", "sps"], "daily"), Ct);
        problems.ShouldBeEmpty();
        return (await subscriptions.SubscribeAsync(email, "en", subscription!, addressConfirmed: true, Ct)).SubscriberId;
    }

    async Task<List<Subscription>> SubscriptionsOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Subscriptions.Where(s => db.Subscribers.Any(x => x.Id == s.SubscriberId && x.Email == email)).ToListAsync(Ct);
    }
}
