using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Tests.Accounts;

// Sign-up, confirmation, sign-in, lockout, reset links, sign-out everywhere, on the shared app. Every test
// makes its own accounts with unique addresses.
public class AccountTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    static string NewEmail(string label) => $"{label}-{Guid.NewGuid():N}@example.org";

    async Task<Account?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.Email == email, Ct);
    }

    async Task<List<AuditEntry>> AuditAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task SigningUpSendsALinkThatConfirmsTheAddressWithThePasswordAndSignsIn()
    {
        var email = NewEmail("ann");
        var client = Client();

        var signUp = await client.PostFormAsync("/fr/account/sign-up", new() { ["email"] = email.ToUpperInvariant(), ["name"] = "Ann Mwangi", ["password"] = TestAccounts.Password });

        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(signUp.Headers.Location, Ct)).ShouldContain(email);
        var account = (await FindAsync(email)).ShouldNotBeNull();
        account.EmailConfirmedAt.ShouldBeNull();
        account.Language.ShouldBe("fr");
        account.Roles.Select(r => r.Role).ShouldBe([Role.Subscriber]);
        var message = (await Outbox.ToAsync(app.Services, email)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Confirmez votre compte Trade4MSMEs");
        message.HtmlBody.ShouldContain("<a href=\"http://localhost/fr/account/confirm?token=");

        // Before confirming, the right password does not sign in; it sends a new link instead.
        var early = await client.PostFormAsync("/en/account/sign-in", new() { ["email"] = email, ["password"] = TestAccounts.Password });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Outbox.ToAsync(app.Services, email)).Count.ShouldBe(2);

        var link = await Outbox.LinkAsync(app.Services, email, "/account/confirm");
        var wrong = await client.PostFormAsync(link, new() { ["token"] = Token(link), ["password"] = "not the password at all" }, formPage: link);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var confirm = await client.PostFormAsync(link, new() { ["token"] = Token(link), ["password"] = TestAccounts.Password }, formPage: link);

        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirm.Headers.Location!.ToString().ShouldBe("/fr/account?confirmed=1");
        (await FindAsync(email))!.EmailConfirmedAt.ShouldNotBeNull();
        var page = await client.GetStringAsync("/en/account", Ct);
        page.ShouldContain(email);
        (await client.GetAsync(link, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a used link is refused");
        (await AuditAsync($"account/{account.Id}")).Select(e => e.Action).ShouldBe(["account.created", "account.confirmed"]);
    }

    [Fact]
    public async Task SigningUpAgainWithAKnownAddressCreatesNothingAndTellsTheOwnerByEmail()
    {
        var existing = await TestAccounts.CreateAsync(app.Services, "Owner");

        var response = await Client().PostFormAsync("/en/account/sign-up", new() { ["email"] = existing.Email, ["name"] = "Intruder", ["password"] = "another long password" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the page answers as for a new address");
        (await FindAsync(existing.Email))!.DisplayName.ShouldBe("Owner");
        (await Outbox.ToAsync(app.Services, existing.Email)).ShouldHaveSingleItem().Subject.ShouldBe("You already have a Trade4MSMEs account");
    }

    public static TheoryData<string, string, string, string> BadSignUps => new()
    {
        { "not-an-email", "Ann", TestAccounts.Password, "email" },
        { "ann@", "Ann", TestAccounts.Password, "email" },
        { "Ann <ann@example.org>", "Ann", TestAccounts.Password, "email" },
        { "ann@example.org\r\nBcc: all@example.org", "Ann", TestAccounts.Password, "email" },
        { new string('a', 250) + "@example.org", "Ann", TestAccounts.Password, "email" },
        { "ok-{0}@example.org", new string('x', 101), TestAccounts.Password, "name" },
        { "ok-{0}@example.org", "admin\u202Egro.elpmaxe", TestAccounts.Password, "name" },
        { "ok-{0}@example.org", "Ann\u200B", TestAccounts.Password, "name" },
        { "ok-{0}@example.org", "<script>alert(1)</script>", TestAccounts.Password, "name" },
        { "ok-{0}@example.org", "Ann", "short", "password" },
        { "ok-{0}@example.org", "Ann", new string('p', 129), "password" },
        { "ok-{0}@example.org", "Ann", "aaaaaaaaaaaaaaaa", "password" },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task ABadSignUpIsRefusedWithItsReasonAndStoresNothing(string email, string name, string password, string field)
    {
        email = email.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

        var response = await Client().PostFormAsync("/en/account/sign-up", new() { ["email"] = email, ["name"] = name, ["password"] = password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        document.QuerySelector($".problems a[href='#{field}']").ShouldNotBeNull();
        document.QuerySelector("script").ShouldBeNull("nothing typed comes back as markup");
        if (AccountRules.NormalizeEmail(email) is { } normalized)
        {
            (await FindAsync(normalized)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var email = NewEmail("csrf");
        var client = Client();

        var noToken = await client.PostAsync("/en/account/sign-up",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["name"] = "Csrf", ["password"] = TestAccounts.Password }), Ct);
        // A token copied from someone else's page, without their cookie, is no better.
        var token = await TestAccounts.AntiforgeryTokenAsync(Client(), "/en/account/sign-up");
        var foreignToken = await client.PostAsync("/en/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["name"] = "Csrf",
            ["password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }), Ct);

        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreignToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FindAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndEvenTheRightOneIsThenRefused()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Locked");
        var client = Client();

        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            (await client.PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = $"wrong password {i}" }))
                .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var right = await client.PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = TestAccounts.Password });

        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await right.Content.ReadAsStringAsync(Ct)).ShouldContain("locked for 15 minutes");
        (await FindAsync(account.Email))!.LockedUntil.ShouldNotBeNull();
        (await AuditAsync($"account/{account.Id}")).ShouldContain(e => e.Action == "account.locked");
    }

    [Fact]
    public async Task AResetLinkWorksOnceSignsOutOtherSessionsAndUnlocks()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Reset");
        var other = await TestAccounts.SignedInClientAsync(app.Factory, account);
        var client = Client();

        (await client.PostFormAsync("/en/account/forgot-password", new() { ["email"] = account.Email })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = await Outbox.LinkAsync(app.Services, account.Email, "/account/reset-password");
        var tooShort = await client.PostFormAsync(link, new() { ["token"] = Token(link), ["password"] = "short" }, formPage: link);
        var reset = await client.PostFormAsync(link, new() { ["token"] = Token(link), ["password"] = "a brand new pass phrase" }, formPage: link);
        var again = await Client().PostAsync(link, new FormUrlEncodedContent([]), Ct);

        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a refused password does not use the link up");
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(link, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the link works once");
        (await client.PostFormAsync(link, new() { ["token"] = Token(link), ["password"] = "yet another pass phrase" }, formPage: "/en/account/sign-up"))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.GetAsync("/en/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other session is signed out");
        (await Client().PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = TestAccounts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the old password no longer works");
        await TestAccounts.SignedInClientAsync(app.Factory, account, "a brand new pass phrase");
    }

    [Fact]
    public async Task AForgedOrUnknownLinkIsRefused()
    {
        foreach (var token in new[] { "", "abc", new string('x', 500), "t4m_" + Guid.NewGuid() })
        {
            (await Client().GetAsync($"/en/account/reset-password?token={Uri.EscapeDataString(token)}", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await Client().GetAsync($"/en/account/confirm?token={Uri.EscapeDataString(token)}", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task ForgotPasswordAnswersTheSameForAnUnknownAddressAndSendsNothing()
    {
        var email = NewEmail("nobody");

        var response = await Client().PostFormAsync("/en/account/forgot-password", new() { ["email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("If an account uses this address");
        (await Outbox.ToAsync(app.Services, email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignOutEverywhereEndsEverySessionAtOnce()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Everywhere");
        var phone = await TestAccounts.SignedInClientAsync(app.Factory, account);
        var laptop = await TestAccounts.SignedInClientAsync(app.Factory, account);

        var response = await laptop.PostFormAsync("/en/account?handler=everywhere", [], formPage: "/en/account");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await phone.GetAsync("/en/account", Ct)).Headers.Location!.ToString().ShouldStartWith("/en/account/sign-in");
        (await laptop.GetAsync("/en/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditAsync($"account/{account.Id}")).ShouldContain(e => e.Action == "account.signed-out-everywhere");
    }

    [Fact]
    public async Task ChangingThePasswordKeepsThisSessionAndEndsTheOthers()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Changer");
        var here = await TestAccounts.SignedInClientAsync(app.Factory, account);
        var there = await TestAccounts.SignedInClientAsync(app.Factory, account);

        var wrong = await here.PostFormAsync("/en/account?handler=password", new() { ["currentPassword"] = "nope nope nope", ["newPassword"] = "another fine pass phrase" }, formPage: "/en/account");
        var right = await here.PostFormAsync("/en/account?handler=password", new() { ["currentPassword"] = TestAccounts.Password, ["newPassword"] = "another fine pass phrase" }, formPage: "/en/account");

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await here.GetAsync("/en/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await there.GetAsync("/en/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignInReturnsOnlyToAPageOfThisSite()
    {
        var account = await TestAccounts.CreateAsync(app.Services, "Return");

        var local = await Client().PostFormAsync("/en/account/sign-in?returnUrl=%2Fen%2Fsubmissions", new() { ["email"] = account.Email, ["password"] = TestAccounts.Password, ["returnUrl"] = "/en/submissions" });
        var away = await Client().PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = TestAccounts.Password, ["returnUrl"] = "https://evil.example/" });

        local.Headers.Location!.ToString().ShouldBe("/en/submissions");
        away.Headers.Location!.ToString().ShouldBe("/en/account");
    }

    [Fact]
    public async Task ADisabledAccountIsSignedOutAndCannotSignIn()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "Boss", editor: true);
        var user = await TestAccounts.CreateAsync(app.Services, "Disabled");
        var session = await TestAccounts.SignedInClientAsync(app.Factory, user);
        var admin = await TestAccounts.SignedInClientAsync(app.Factory, editor);

        (await admin.PostFormAsync($"/en/admin/accounts/{user.Id}?handler=disable", new() { ["disabled"] = "true" }, formPage: $"/en/admin/accounts/{user.Id}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await session.GetAsync("/en/account", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Client().PostFormAsync("/en/account/sign-in", new() { ["email"] = user.Email, ["password"] = TestAccounts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var entry = (await AuditAsync($"account/{user.Id}")).ShouldHaveSingleItem();
        entry.Action.ShouldBe("account.disabled");
        entry.ActorAccountId.ShouldBe(editor.Id);
    }

    static string Token(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
}
