using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Submissions;

namespace Trade4Msmes.Tests.Accounts;

// Every role against every protected page and action, allowed and denied, checked on the server. Officials
// act for one economy: Kenya's official may write Kenya's drafts, Ghana's may not even see them.
public class AccessTests(AppFixture app)
{
    public enum Who
    {
        Anonymous,
        Subscriber,
        OfficialKen,
        OfficialGha,
        Editor,
    }

    const HttpStatusCode SignIn = HttpStatusCode.Redirect;
    const HttpStatusCode Ok = HttpStatusCode.OK;
    const HttpStatusCode Denied = HttpStatusCode.Forbidden;
    const HttpStatusCode Unseen = HttpStatusCode.NotFound;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly SemaphoreSlim Once = new(1, 1);
    static Cast? cast;

    // The people and one Kenyan draft, made once for the shared app.
    sealed record Cast(Dictionary<Who, Account?> Accounts, Dictionary<Who, HttpClient> Clients, int KenyaDraft);

    async Task<Cast> CastAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (cast is not null)
            {
                return cast;
            }
            var accounts = new Dictionary<Who, Account?>
            {
                [Who.Anonymous] = null,
                [Who.Subscriber] = await TestAccounts.CreateAsync(app.Services, "Subscriber"),
                [Who.OfficialKen] = await TestAccounts.CreateAsync(app.Services, "KenyaOfficial", economies: "KEN"),
                [Who.OfficialGha] = await TestAccounts.CreateAsync(app.Services, "GhanaOfficial", economies: "GHA"),
                [Who.Editor] = await TestAccounts.CreateAsync(app.Services, "Editor", editor: true),
            };
            var clients = new Dictionary<Who, HttpClient>();
            foreach (var (who, account) in accounts)
            {
                clients[who] = account is null
                    ? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                    : await TestAccounts.SignedInClientAsync(app.Factory, account);
            }
            var draft = await NewSubmissionAsync(accounts[Who.OfficialKen]!, submit: false);
            return cast = new Cast(accounts, clients, draft);
        }
        finally
        {
            Once.Release();
        }
    }

    async Task<int> NewSubmissionAsync(Account official, bool submit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var caller = Caller.From(official);
        var workflow = scope.ServiceProvider.GetRequiredService<SubmissionWorkflow>();
        var created = await workflow.CreateAsync(caller, SubmissionKind.ContactPoint, "KEN",
            new Dictionary<string, string?> { ["organisation"] = "Kenya Export Promotion", ["helps-with"] = "Export requirements" }, Ct);
        var id = created.Submission!.Id;
        if (submit)
        {
            (await workflow.SubmitAsync(caller, id, 1, Ct)).Outcome.ShouldBe(WorkflowOutcome.Done);
        }
        return id;
    }

    async Task<int> RevisionsAsync(int submission)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SubmissionRevisions.CountAsync(r => r.SubmissionId == submission, Ct);
    }

    public static TheoryData<string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Pages => new()
    {
        // page                                                    anonymous subscriber Kenya  Ghana   editor
        { "/en/account",                                           SignIn, Ok,     Ok,     Ok,     Ok },
        { "/en/account/tokens",                                    SignIn, Denied, Ok,     Ok,     Denied },
        { "/en/submissions",                                       SignIn, Denied, Ok,     Ok,     Ok },
        { "/en/submissions/new?kind=contact-point&economy=KEN",    SignIn, Denied, Ok,     Denied, Denied },
        { "/en/submissions/{draft}",                               SignIn, Denied, Ok,     Unseen, Ok },
        { "/en/submissions/{draft}/edit",                          SignIn, Denied, Ok,     Unseen, Denied },
        { "/en/submissions/{draft}/changes?from=1&to=1",           SignIn, Denied, Ok,     Unseen, Ok },
        { "/en/admin/accounts",                                    SignIn, Denied, Denied, Denied, Ok },
        { "/en/admin/accounts/{subscriber}",                       SignIn, Denied, Denied, Denied, Ok },
        { "/en/admin/audit",                                       SignIn, Denied, Denied, Denied, Ok },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachRoleSeesOnlyThePagesItMay(string page, HttpStatusCode anonymous, HttpStatusCode subscriber, HttpStatusCode kenya, HttpStatusCode ghana, HttpStatusCode editor)
    {
        var c = await CastAsync();
        var url = page.Replace("{draft}", c.KenyaDraft.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{subscriber}", c.Accounts[Who.Subscriber]!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var expected = new Dictionary<Who, HttpStatusCode>
        {
            [Who.Anonymous] = anonymous,
            [Who.Subscriber] = subscriber,
            [Who.OfficialKen] = kenya,
            [Who.OfficialGha] = ghana,
            [Who.Editor] = editor,
        };

        foreach (var (who, status) in expected)
        {
            using var response = await c.Clients[who].GetAsync(url, Ct);
            response.StatusCode.ShouldBe(status, $"{who} GET {url}");
            if (status == SignIn)
            {
                response.Headers.Location!.ToString().ShouldStartWith("/en/account/sign-in?returnUrl=");
            }
        }
    }

    public static TheoryData<string, Who, HttpStatusCode> Actions => new()
    {
        { "create", Who.Anonymous, SignIn }, { "create", Who.Subscriber, Denied }, { "create", Who.OfficialGha, Denied },
        { "create", Who.Editor, Denied }, { "create", Who.OfficialKen, HttpStatusCode.Redirect },
        { "save", Who.Anonymous, SignIn }, { "save", Who.Subscriber, Denied }, { "save", Who.OfficialGha, Unseen },
        { "save", Who.Editor, Denied }, { "save", Who.OfficialKen, HttpStatusCode.Redirect },
        { "submit", Who.Subscriber, Denied }, { "submit", Who.OfficialGha, Unseen }, { "submit", Who.Editor, Denied },
        { "submit", Who.OfficialKen, HttpStatusCode.Redirect },
        { "publish", Who.Anonymous, SignIn }, { "publish", Who.Subscriber, Denied }, { "publish", Who.OfficialKen, Denied },
        { "publish", Who.OfficialGha, Unseen }, { "publish", Who.Editor, HttpStatusCode.Redirect },
        { "return", Who.OfficialKen, Denied }, { "return", Who.OfficialGha, Unseen }, { "return", Who.Editor, HttpStatusCode.Redirect },
        { "grant", Who.Anonymous, SignIn }, { "grant", Who.Subscriber, Denied }, { "grant", Who.OfficialKen, Denied },
        { "grant", Who.Editor, HttpStatusCode.Redirect },
        { "revoke-role", Who.Anonymous, SignIn }, { "revoke-role", Who.Subscriber, Denied }, { "revoke-role", Who.OfficialKen, Denied },
        { "revoke-role", Who.Editor, HttpStatusCode.Redirect },
        { "disable", Who.Anonymous, SignIn }, { "disable", Who.Subscriber, Denied }, { "disable", Who.OfficialGha, Denied },
        { "disable", Who.Editor, HttpStatusCode.Redirect },
        { "unlock", Who.Subscriber, Denied }, { "unlock", Who.OfficialKen, Denied }, { "unlock", Who.Editor, HttpStatusCode.Redirect },
        { "token", Who.Anonymous, SignIn }, { "token", Who.Subscriber, Denied }, { "token", Who.OfficialGha, Denied },
        { "token", Who.Editor, Denied }, { "token", Who.OfficialKen, Ok },
        { "revoke-token", Who.Anonymous, SignIn }, { "revoke-token", Who.Subscriber, Denied }, { "revoke-token", Who.Editor, Denied },
        { "revoke-token", Who.OfficialGha, Unseen }, { "revoke-token", Who.OfficialKen, Ok },
    };

    // Each action on its own fresh Kenyan submission; a refused action leaves it exactly as it was.
    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EachRoleMayDoOnlyWhatItsRoleAndEconomyAllow(string action, Who who, HttpStatusCode expected)
    {
        var c = await CastAsync();
        var submitted = await NewSubmissionAsync(c.Accounts[Who.OfficialKen]!, submit: action is "publish" or "return");
        var before = await RevisionsAsync(submitted);
        var target = await TestAccounts.CreateAsync(app.Services, "Target");
        var targetRole = target.Roles.Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var kenyaToken = await TokenIdAsync(await TestAccounts.TransmissionTokenAsync(app.Services, "KEN"));
        var (url, fields) = action switch
        {
            "create" => ("/en/submissions/new", new Dictionary<string, string> { ["kind"] = "contact-point", ["economy"] = "KEN", ["field.organisation"] = "New office", ["field.helps-with"] = "Everything" }),
            "save" => ($"/en/submissions/{submitted}/edit", new() { ["revision"] = "1", ["field.organisation"] = "Changed", ["field.helps-with"] = "Changed" }),
            "submit" => ($"/en/submissions/{submitted}?handler=submit", new() { ["revision"] = "1" }),
            "publish" => ($"/en/submissions/{submitted}?handler=publish", new() { ["revision"] = "2" }),
            "return" => ($"/en/submissions/{submitted}?handler=return", new() { ["revision"] = "2", ["comment"] = "Please add a website." }),
            "grant" => ($"/en/admin/accounts/{target.Id}?handler=grant", new() { ["role"] = "EconomyOfficial", ["economy"] = "KEN" }),
            "revoke-role" => ($"/en/admin/accounts/{target.Id}?handler=revoke", new() { ["roleId"] = targetRole }),
            "disable" => ($"/en/admin/accounts/{target.Id}?handler=disable", new() { ["disabled"] = "true" }),
            "unlock" => ($"/en/admin/accounts/{target.Id}?handler=unlock", new()),
            "revoke-token" => ("/en/account/tokens?handler=revoke", new() { ["id"] = kenyaToken.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            _ => ("/en/account/tokens?handler=create", new Dictionary<string, string> { ["economy"] = "KEN", ["name"] = "Access test" }),
        };

        using var response = await c.Clients[who].PostFormAsync(url, fields, formPage: "/en/account/sign-out");

        response.StatusCode.ShouldBe(expected, $"{who} {action}");
        var changed = expected is HttpStatusCode.Redirect or Ok && who != Who.Anonymous;
        if (action is "save" or "submit" or "publish" or "return")
        {
            (await RevisionsAsync(submitted)).ShouldBe(changed ? before + 1 : before);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audited = await db.AuditEntries.CountAsync(e => e.Subject == $"account/{target.Id}", Ct);
        if (action is "grant" or "revoke-role" or "disable" or "unlock")
        {
            audited.ShouldBe(changed ? 1 : 0, "an editor's change is audited; a refused one changes nothing");
        }
        if (action == "revoke-token")
        {
            (await db.ApiTokens.CountAsync(t => t.Id == kenyaToken && t.RevokedAt != null, Ct)).ShouldBe(changed ? 1 : 0);
        }
    }

    async Task<int> TokenIdAsync(string secret)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hash = Secrets.Hash(secret);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.Where(t => t.TokenHash == hash).Select(t => t.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task AnOfficialOfAnotherEconomyCanNeitherReadNorWriteKenyasDraftThroughAnyPage()
    {
        var c = await CastAsync();
        var ghana = c.Clients[Who.OfficialGha];
        var draft = c.KenyaDraft;
        var before = await RevisionsAsync(draft);

        var list = await ghana.GetStringAsync("/en/submissions", Ct);
        list.ShouldNotContain($"/en/submissions/{draft}\"");
        foreach (var url in new[] { $"/en/submissions/{draft}", $"/en/submissions/{draft}/edit", $"/en/submissions/{draft}/changes?from=1&to=1" })
        {
            using var response = await ghana.GetAsync(url, Ct);
            response.StatusCode.ShouldBe(Unseen, url);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Kenya Export Promotion");
        }
        foreach (var (url, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/en/submissions/{draft}/edit", new() { ["revision"] = "1", ["field.organisation"] = "Hijacked", ["field.helps-with"] = "x" }),
            ($"/en/submissions/{draft}?handler=submit", new() { ["revision"] = "1" }),
            ($"/en/submissions/new", new() { ["kind"] = "contact-point", ["economy"] = "KEN", ["field.organisation"] = "Fake", ["field.helps-with"] = "x" }),
            ("/en/account/tokens?handler=create", new() { ["economy"] = "KEN", ["name"] = "Stolen" }),
        })
        {
            using var response = await ghana.PostFormAsync(url, fields, formPage: "/en/account/sign-out");
            response.StatusCode.ShouldBeOneOf([Unseen, Denied], url);
        }
        (await RevisionsAsync(draft)).ShouldBe(before);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Submissions.AnyAsync(s => s.Title == "Fake" || s.Title == "Hijacked", Ct)).ShouldBeFalse();
        (await db.ApiTokens.AnyAsync(t => t.Name == "Stolen", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnotherEconomysTokenCannotBeRevoked()
    {
        var c = await CastAsync();
        var secret = await TestAccounts.TransmissionTokenAsync(app.Services, "KEN");
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.SingleAsync(t => t.TokenHash == Secrets.Hash(secret), Ct);

        var response = await c.Clients[Who.OfficialGha].PostFormAsync("/en/account/tokens?handler=revoke", new() { ["id"] = token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/en/account/sign-out");

        response.StatusCode.ShouldBe(Unseen);
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.SingleAsync(t => t.Id == token.Id, Ct)).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task ASignedInOfficialsCookieDoesNotAuthenticateTheTransmissionApi()
    {
        var c = await CastAsync();

        using var response = await c.Clients[Who.OfficialKen].PostAsync("/api/v1/economies/KEN/tariff-transmissions?validFrom=2027-01-01&currency=KES",
            new StringContent("record,line\n", System.Text.Encoding.UTF8, "text/csv"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
