using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Tests.Accounts;

// What needs its own app: rate limits, expiry in time, two instances on one database, a real SMTP server,
// the command line. Each test has its own database.
public class SecurityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly DateOnly Today = new(2026, 11, 22);

    static HttpClient Client(AppFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheAuditLogCannotBeChangedOrEmptiedThroughTheDatabase()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        AuditLog.Record(db, Actor.System, "test.recorded", "test/1", newValues: new { Value = 1 });
        await db.SaveChangesAsync(Ct);

        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Action\" = 'forged'", Ct));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries", Ct));

        (await db.AuditEntries.SingleAsync(Ct)).Action.ShouldBe("test.recorded");
    }

    [Fact]
    public async Task SignInAttemptsOverTheLimitAre429WithRetryAfterAcrossInstances()
    {
        await using var database = TestDatabase.Create();
        var limit = new Dictionary<string, string> { ["RateLimits:SignIn:Permits"] = "3", ["RateLimits:SignIn:WindowSeconds"] = "600" };
        await using var first = new AppFactory(database, loadReferenceData: false, today: Today) { Settings = limit };
        await using var second = new AppFactory(database, loadReferenceData: false, today: Today) { Settings = limit };
        var form = new Dictionary<string, string> { ["email"] = "someone@example.org", ["password"] = "a guess at the password" };

        // The counter is in the database: attempts on two instances add up.
        for (var i = 0; i < 3; i++)
        {
            (await Client(i % 2 == 0 ? first : second).PostFormAsync("/en/account/sign-in", new(form))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var refused = await Client(second).PostFormAsync("/fr/account/sign-in", new(form));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 600);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Trop de tentatives");

        first.Clock!.Advance(TimeSpan.FromMinutes(11));
        (await Client(first).PostFormAsync("/en/account/sign-in", new(form))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a new window");
    }

    [Fact]
    public async Task ThePublicApiAnswers429AsProblemJsonWithRetryAfter()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false)
        {
            Settings = new() { ["RateLimits:Api:Permits"] = "5", ["RateLimits:Api:WindowSeconds"] = "60" },
        };
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/economies/KEN", Ct)).StatusCode);
        }
        var refused = await client.GetAsync("/api/v1/economies/KEN", Ct);

        statuses.Take(5).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await client.GetAsync("/en/economies", Ct)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "pages are not the API");
    }

    [Fact]
    public async Task LinksExpire()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false, today: Today);
        var account = await TestAccounts.CreateAsync(app.Services, "Late");
        await Client(app).PostFormAsync("/en/account/forgot-password", new() { ["email"] = account.Email });
        var link = await Outbox.LinkAsync(app.Services, account.Email, "/account/reset-password");

        app.Clock!.Advance(AccountService.ResetLinkLifetime + TimeSpan.FromSeconds(1));

        (await Client(app).GetAsync(link, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ALockedAccountOpensAgainAfterFifteenMinutes()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false, today: Today);
        var account = await TestAccounts.CreateAsync(app.Services, "Patient");
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            await Client(app).PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = "wrong wrong wrong" });
        }
        (await Client(app).PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = TestAccounts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        app.Clock!.Advance(AccountService.LockoutTime + TimeSpan.FromSeconds(1));

        await TestAccounts.SignedInClientAsync(app, account);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseAcceptEachOthersCookiesAndForms()
    {
        await using var database = TestDatabase.Create();
        await using var first = new AppFactory(database, loadReferenceData: false);
        await using var second = new AppFactory(database, loadReferenceData: false);
        var account = await TestAccounts.CreateAsync(first.Services, "Roaming");
        var session = (await CookiesAsync(first, account)).Single(c => c.Name == "t4m.session");

        // The same browser, its next request served by the other instance.
        using var onSecond = new HttpClient(second.Server.CreateHandler()) { BaseAddress = second.Server.BaseAddress };
        onSecond.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
        var page = await onSecond.GetAsync("/en/account", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain(account.Email);
    }

    // Signs in on one instance and returns the cookies the browser then holds.
    static async Task<List<System.Net.Cookie>> CookiesAsync(AppFactory app, Account account)
    {
        var container = new CookieContainer();
        using var client = new HttpClient(new CookieHandler(container) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = app.Server.BaseAddress };
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/en/account/sign-in");
        (await client.PostAsync("/en/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = account.Email,
            ["password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }), Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return container.GetAllCookies().ToList();
    }

    [Fact]
    public async Task AFormRenderedByOneInstanceIsAcceptedByTheOther()
    {
        await using var database = TestDatabase.Create();
        await using var first = new AppFactory(database, loadReferenceData: false);
        await using var second = new AppFactory(database, loadReferenceData: false);
        var container = new CookieContainer();
        using var fromFirst = new HttpClient(new CookieHandler(container) { InnerHandler = first.Server.CreateHandler() }) { BaseAddress = first.Server.BaseAddress };
        using var toSecond = new HttpClient(new CookieHandler(container) { InnerHandler = second.Server.CreateHandler() }) { BaseAddress = second.Server.BaseAddress };
        var token = await TestAccounts.AntiforgeryTokenAsync(fromFirst, "/en/account/forgot-password");

        var response = await toSecond.PostAsync("/en/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "nobody@example.org",
            ["__RequestVerificationToken"] = token,
        }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccountEmailsReachARealSmtpServerAndAFailedSendIsRetriedLater()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false) { Settings = sink.Settings };
        var email = $"mail-{Guid.NewGuid():N}@example.org";

        (await Client(app).PostFormAsync("/es/account/sign-up", new() { ["email"] = email, ["name"] = "José Núñez", ["password"] = TestAccounts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var message = await sink.WaitForAsync(email);

        message.Subject.ShouldBe("Confirme su cuenta de Trade4MSMEs");
        message.Text.ShouldContain("José Núñez");
        message.Html.ShouldContain("<a href=\"http://localhost/es/account/confirm?token=");
        message.Raw.ShouldContain("Auto-Submitted: auto-generated");
        var link = new Uri(message.FirstLink("/account/confirm")).PathAndQuery;
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        (await Client(app).PostFormAsync(link, new() { ["token"] = token, ["password"] = TestAccounts.Password }, formPage: link))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await Outbox.ToAsync(app.Services, email)).ShouldHaveSingleItem();
        stored.SentAt.ShouldNotBeNull();
        stored.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task AMessageThatCouldNotBeSentWaitsAndIsSentByTheNextInstanceAfterARestart()
    {
        await using var database = TestDatabase.Create();
        var closedPort = new Dictionary<string, string> { ["Email:SmtpHost"] = "127.0.0.1", ["Email:SmtpPort"] = "9", ["Email:PollInterval"] = "01:00:00" };
        var email = $"retry-{Guid.NewGuid():N}@example.org";
        await using (var down = new AppFactory(database, loadReferenceData: false, today: Today) { Settings = closedPort })
        {
            await Client(down).PostFormAsync("/en/account/sign-up", new() { ["email"] = email, ["name"] = "Retry", ["password"] = TestAccounts.Password });
            // The sender, woken by the sign-up, tries once and fails: nothing listens on port 9.
            await WaitUntilAsync(async () => (await Outbox.ToAsync(down.Services, email)).Single().Attempts == 1);
            var failed = (await Outbox.ToAsync(down.Services, email)).ShouldHaveSingleItem();
            failed.SentAt.ShouldBeNull();
            failed.Attempts.ShouldBe(1);
            failed.LastError.ShouldNotBeNullOrEmpty();
            failed.NextAttemptAt.ShouldBe(down.Clock!.GetUtcNow().UtcDateTime + OutboxSender.Backoff(1));
        }

        await using var sink = await SmtpSink.StartAsync();
        await using var up = new AppFactory(database, loadReferenceData: false, today: Today) { Settings = sink.Settings };
        (await up.Services.GetRequiredService<OutboxSender>().SendDueAsync(Ct)).ShouldBe(0, "not due before its backoff");
        up.Clock!.Advance(TimeSpan.FromMinutes(1));

        (await sink.WaitForAsync(email)).Subject.ShouldBe("Confirm your Trade4MSMEs account");
        await WaitUntilAsync(async () => (await Outbox.ToAsync(up.Services, email)).Single().SentAt is not null);
        (await Outbox.ToAsync(up.Services, email)).ShouldHaveSingleItem().Attempts.ShouldBe(2);
        sink.Received().Count.ShouldBe(1);
    }

    [Fact]
    public async Task TheFirstEditorIsCreatedFromTheCommandLineAndChoosesAPasswordThroughALink()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false);
        var output = new StringWriter();

        var exit = await CreateEditorCommand.RunAsync(app.Services, ["create-editor", "Chief.Editor@Example.org", "--name", "Chief Editor"], output, Ct);

        exit.ShouldBe(0);
        var link = new Uri(output.ToString().Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal)).Trim()).PathAndQuery;
        var client = Client(app);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        (await client.PostFormAsync(link, new() { ["token"] = token, ["password"] = "the chief's own pass phrase" }, formPage: link)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/en/admin/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CreateEditorCommand.RunAsync(app.Services, ["create-editor", "not an email"], new StringWriter(), Ct)).ShouldBe(2);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(e => e.Actor == "command line").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct))
            .ShouldBe(["account.created", "role.granted"]);
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 100)
        {
            waited.ShouldBeLessThan(20_000, "waited 20 s");
            await Task.Delay(100, Ct);
        }
    }

    // Keeps cookies across requests for a handler that does not (TestServer's).
    sealed class CookieHandler(CookieContainer container) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = new Uri(new Uri("http://localhost"), request.RequestUri!.PathAndQuery);
            if (container.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    container.SetCookies(uri, value);
                }
            }
            return response;
        }
    }
}
