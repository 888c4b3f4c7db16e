using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Alerts;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Tests.Alerts;

// From events to emails on a real SMTP server: an app of its own (reference data, a fixed clock that the test
// moves) in which only this test subscribes, imports notifications and transmits USA schedules. The dispatcher's
// own poll is pushed back an hour so that the passes the test runs (RunOnceAsync) are the ones that count.
public class AlertDeliveryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Header = "record,line,description,duty,out_of_quota_duty,programme,agreement,origins,year,value,quantity,unit";

    // The lines every later version changes: two coffee lines and one that is not coffee.
    static string Schedule(string roastedCoffee, string asses) => Header + $"""

        line,0901210000,"Coffee, roasted, not decaffeinated",,,,,,,,,kg
        mfn,0901210000,,{roastedCoffee},,,,,,,,
        line,0901220000,"Coffee, roasted, decaffeinated",,,,,,,,,kg
        mfn,0901220000,,3%,,,,,,,,
        line,0101300000,Asses,,,,,,,,,No.
        mfn,0101300000,,{asses},,,,,,,,
        """;

    // Fictional notifications: one the daily subscriber wants, one from another member, one of another product
    // (which the keyword subscriber wants).
    const string Matching = "G/SPS/N/USA/9101";
    const string OtherMember = "G/SPS/N/KEN/9102";
    const string OtherProduct = "G/TBT/N/USA/9103";

    const string Notifications = $$"""
        {"items": [
          {"documentSymbol": "{{Matching}}", "notifyingMember": "United States of America", "distributionDate": "2026-11-19T00:00:00",
           "commentDeadlineDate": "2026-12-10T00:00:00", "title": "Maximum residue limits for ochratoxin in roasted coffee (fictional)",
           "hsCodes": [{"code": "090121"}]},
          {"documentSymbol": "{{OtherMember}}", "notifyingMember": "Kenya", "distributionDate": "2026-11-19T00:00:00",
           "commentDeadlineDate": "2026-12-09T00:00:00", "title": "Import conditions for green coffee (fictional)", "hsCodes": ["0901"]},
          {"documentSymbol": "{{OtherProduct}}", "notifyingMember": "USA", "distributionDate": "2026-11-19T00:00:00",
           "commentDeadlineDate": "2027-02-01T00:00:00", "title": "Labelling of milk powder for infants (fictional)", "hsCodes": ["0402"]}
        ]}
        """;

    static async Task TransmitAsync(AppFactory app, string token, string csv, string validFrom)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/economies/USA/tariff-transmissions?validFrom={validFrom}&currency=USD")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await app.CreateClient().SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    static async Task<Subscription> SubscribeAsync(AppFactory app, string email, SubscriptionInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetRequiredService<Subscriptions>();
        var (subscription, problems) = await subscriptions.CheckAsync(input, Ct);
        problems.ShouldBeEmpty();
        return await subscriptions.SubscribeAsync(email, "en", subscription!, addressConfirmed: true, Ct);
    }

    static async Task<T> DbAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    static string Headers(ReceivedEmail email)
    {
        var raw = email.Raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = raw.IndexOf("\n\n", StringComparison.Ordinal);
        return Regex.Replace(end < 0 ? raw : raw[..end], @"\n[ \t]+", " ");
    }

    [Fact]
    public async Task MatchingAlertsGoOutAtOnceOrInTheNextDigestOnceEachAndDeadlinesAreRecalled()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: true, today: new DateOnly(2026, 11, 20))
        {
            Settings = new Dictionary<string, string>(sink.Settings) { ["Alerts:PollInterval"] = "01:00:00" },
        };
        var clock = app.Clock!;
        var dispatcher = app.Services.GetRequiredService<AlertDispatcher>();
        var sender = app.Services.GetRequiredService<OutboxSender>();
        var token = await TestAccounts.TransmissionTokenAsync(app.Services, "USA");

        // A first transmitted version replaces the shipped one before anyone subscribes: nobody hears of it.
        await TransmitAsync(app, token, Schedule(roastedCoffee: "2%", asses: "6.8%"), "2027-01-01");
        await dispatcher.RunOnceAsync(Ct);
        (await DbAsync(app, db => db.AlertItems.CountAsync(Ct))).ShouldBe(0);

        var daily = $"daily-{Guid.NewGuid():N}@example.org";
        var immediate = $"immediate-{Guid.NewGuid():N}@example.org";
        var dailySubscription = await SubscribeAsync(app, daily, new SubscriptionInput("0901", ["USA"], null, ["sps", "tbt", "tariff"], "daily"));
        await SubscribeAsync(app, immediate, new SubscriptionInput(null, [], "milk powders", ["sps", "tbt", "tariff"], "immediate"));
        dailySubscription.Frequency.ShouldBe(AlertFrequency.Daily);
        dailySubscription.Kinds.ShouldBe(AlertKinds.All);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<NotificationStore>()
                .ImportAsync(Encoding.UTF8.GetBytes(Notifications), json: true, Actor.System, "test", Ct);
            report.Problems.ShouldBeEmpty();
            report.Added.ShouldBe(3);
        }
        await TransmitAsync(app, token, Schedule(roastedCoffee: "5%", asses: "4.5%"), "2027-07-01");

        // Friday 12:00: the immediate subscriber hears of the milk powder at once; the daily digest waits for 06:00.
        await dispatcher.RunOnceAsync(Ct);
        var first = await sink.WaitForAsync(immediate);
        first.Text.ShouldContain(OtherProduct);
        first.Text.ShouldNotContain(Matching);
        first.Text.ShouldNotContain("0901210000");
        (await DbAsync(app, db => db.OutboxMessages.CountAsync(m => m.ToAddress == daily, Ct))).ShouldBe(0);
        var waiting = await DbAsync(app, db => db.AlertItems.Where(i => db.Subscribers.Any(s => s.Id == i.SubscriberId && s.Email == daily)).ToListAsync(Ct));
        waiting.Count.ShouldBe(2, "the matching notification and the schedule");
        waiting.ShouldAllBe(i => i.OutboxMessageId == null && i.DueAt == new DateTime(2026, 11, 21, 6, 0, 0, DateTimeKind.Utc));

        // Saturday 06:00: the digest.
        clock.UtcNow = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        await dispatcher.RunOnceAsync(Ct);
        var digest = await sink.WaitForAsync(daily);

        digest.Subject.ShouldContain("tariff changes: 1");
        digest.Subject.ShouldContain("notifications: 1");
        digest.Text.ShouldContain(Matching);
        digest.Text.ShouldNotContain(OtherMember);
        digest.Text.ShouldNotContain(OtherProduct);
        digest.Text.ShouldContain("Comments until: 2026-12-10");
        digest.Text.ShouldContain("in force from 2027-07-01");
        digest.Text.ShouldContain("(1 lines match your alerts)");
        digest.Text.ShouldContain("- 0901210000 Coffee, roasted, not decaffeinated");
        digest.Text.ShouldContain("MFN duty: 2% → 5%");
        digest.Text.ShouldNotContain("0901220000", customMessage: "an unchanged coffee line");
        digest.Text.ShouldNotContain("0101300000", customMessage: "a changed line of another product");
        digest.Text.ShouldNotContain("6.8%");
        digest.Text.ShouldContain("http://localhost/en/tariffs/USA/diff?from=");
        digest.Text.ShouldContain("http://localhost/en/notifications/G/SPS/N/USA/9101");
        var headers = Headers(digest);
        headers.ShouldContain("List-Unsubscribe: <http://localhost/en/alerts/unsubscribe?token=");
        headers.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var unsubscribe = digest.FirstLink("/alerts/unsubscribe");
        var subscriberId = await DbAsync(app, db => db.Subscribers.Where(s => s.Email == daily).Select(s => s.Id).SingleAsync(Ct));
        app.Services.GetRequiredService<AlertLinks>().Read(AlertLink.Unsubscribe, new Uri(unsubscribe).Query["?token=".Length..])
            .ShouldBe((subscriberId, (AlertLinkProblem?)null));

        // Nothing is sent twice.
        var received = sink.Received().Count;
        var queued = await DbAsync(app, db => db.OutboxMessages.CountAsync(Ct));
        await dispatcher.RunOnceAsync(Ct);
        await sender.SendDueAsync(Ct);
        sink.Received().Count.ShouldBe(received);
        (await DbAsync(app, db => db.OutboxMessages.CountAsync(Ct))).ShouldBe(queued);
        sink.Received().Count(m => m.To.Contains(daily, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        sink.Received().Count(m => m.To.Contains(immediate, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);

        // Friday 4 December: the deadline of 10 December is within 7 days; those who were told are reminded once.
        clock.UtcNow = new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero);
        await dispatcher.RunOnceAsync(Ct);
        var reminder = await sink.WaitForAsync(daily, m => m.Subject.Contains("comment deadlines", StringComparison.Ordinal));

        reminder.Subject.ShouldContain("comment deadlines: 1");
        reminder.Text.ShouldContain(Matching);
        reminder.Text.ShouldContain("Comments close on 2026-12-10.");
        reminder.Text.ShouldNotContain(OtherMember);
        var reminded = await DbAsync(app, db => db.AlertEvents.Where(e => e.Kind == AlertEventKind.CommentDeadline)
            .Join(db.Notifications, e => e.SubjectId, n => n.Id, (e, n) => n.DocumentSymbol).ToListAsync(Ct));
        reminded.ShouldBe([Matching], "nobody was told of the Kenyan notification, whose deadline is near too");

        received = sink.Received().Count;
        await dispatcher.RunOnceAsync(Ct);
        await sender.SendDueAsync(Ct);
        sink.Received().Count.ShouldBe(received);
        sink.Received().ShouldNotContain(m => m.To.Contains(immediate, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains("comment deadlines", StringComparison.Ordinal));

        // The digest's unsubscribe link, used as a mail client's one-click button does: no more alerts after it.
        using var oneClick = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        (await app.CreateClient().PostAsync(new Uri(unsubscribe).PathAndQuery, oneClick, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DbAsync(app, db => db.Subscriptions.CountAsync(s => s.SubscriberId == subscriberId, Ct))).ShouldBe(0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var another = Notifications.Replace("9101", "9111", StringComparison.Ordinal).Replace("9102", "9112", StringComparison.Ordinal).Replace("9103", "9113", StringComparison.Ordinal);
            (await scope.ServiceProvider.GetRequiredService<NotificationStore>().ImportAsync(Encoding.UTF8.GetBytes(another), json: true, Actor.System, "test", Ct))
                .Accepted.ShouldBeTrue();
        }
        clock.UtcNow = new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero);
        await dispatcher.RunOnceAsync(Ct);
        await sender.SendDueAsync(Ct);
        sink.Received().Count(m => m.To.Contains(daily, StringComparison.OrdinalIgnoreCase)).ShouldBe(2, "the digest and the reminder, nothing after unsubscribing");
    }
}
