using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Accounts;

// The review workflow through its pages: draft → submitted → returned → submitted → published, then a second
// version while the first stays public; every step kept, diffed and audited. Uses Burundi, which no other test touches.
public class WorkflowTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Dictionary<string, string> Fields(string organisation, string details, int revision = 0) => new()
    {
        ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["field.organisation"] = organisation,
        ["field.helps-with"] = "Export and import requirements",
        ["field.email"] = "MSME@Example.org",
        ["field.website"] = "https://trade.example.org/msme",
        ["field.details"] = details,
    };

    async Task<Submission> LoadAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Submissions.Include(s => s.Revisions).SingleAsync(s => s.Id == id, Ct);
    }

    [Fact]
    public async Task ASubmissionGoesThroughReviewAndEveryVersionIsKeptDiffedAndAudited()
    {
        var official = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "BurundiOfficial", economies: "BDI"));
        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "Reviewer", editor: true));
        var public_ = app.CreateClient();
        const string Form = "/en/account/sign-out";

        var created = await official.PostFormAsync("/en/submissions/new", new(Fields("Burundi Trade Desk", "Open **Monday to Friday**.\nAsk for the MSME desk.")) { ["kind"] = "contact-point", ["economy"] = "bdi" }, Form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        (await public_.GetStringAsync("/en/economies/BDI", Ct)).ShouldNotContain("Burundi Trade Desk", Case.Sensitive, "a draft is not public");

        (await official.PostFormAsync($"/en/submissions/{id}?handler=submit", new() { ["revision"] = "1" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.PostFormAsync($"/en/submissions/{id}/edit", Fields("Changed while waiting", "", 2), Form)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no editing while in review");
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=return", new() { ["revision"] = "2", ["comment"] = "" }, Form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a return says why");
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=return", new() { ["revision"] = "2", ["comment"] = "Please add opening hours in French." }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.GetStringAsync($"/en/submissions/{id}", Ct)).ShouldContain("Please add opening hours in French.");

        (await official.PostFormAsync($"/en/submissions/{id}/edit", Fields("Burundi Trade Desk", "Open **Monday to Friday**.\nOuvert du lundi au vendredi.\nAsk for the MSME desk.", 3), Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.PostFormAsync($"/en/submissions/{id}?handler=submit", new() { ["revision"] = "4" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=publish", new() { ["revision"] = "4" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "an outdated view publishes nothing");
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=publish", new() { ["revision"] = "5" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var economyPage = new HtmlParser().ParseDocument(await public_.GetStringAsync("/en/economies/BDI", Ct));
        var contact = economyPage.QuerySelector(".contact-point").ShouldNotBeNull();
        contact.TextContent.ShouldContain("Burundi Trade Desk");
        contact.QuerySelector("strong")!.TextContent.ShouldBe("Monday to Friday");
        contact.QuerySelector("a[href='mailto:msme@example.org']").ShouldNotBeNull();

        // A second version: the first stays public until the second is published.
        (await official.PostFormAsync($"/en/submissions/{id}/edit", Fields("Burundi MSME Trade Desk", "Open every weekday.", 6), Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await public_.GetStringAsync("/en/economies/BDI", Ct)).ShouldContain("Monday to Friday");

        var submission = await LoadAsync(id);
        submission.State.ShouldBe(SubmissionState.Draft);
        submission.PublishedVersion.ShouldBe(1);
        submission.Revisions.OrderBy(r => r.Number).Select(r => r.Event).ShouldBe(
        [
            RevisionEvent.Saved, RevisionEvent.Submitted, RevisionEvent.Returned, RevisionEvent.Saved,
            RevisionEvent.Submitted, RevisionEvent.Published, RevisionEvent.Saved,
        ]);
        var changes = new HtmlParser().ParseDocument(await official.GetStringAsync($"/en/submissions/{id}/changes?from=1&to=4", Ct));
        changes.QuerySelectorAll("ins").Select(e => e.TextContent).ShouldContain(t => t.Contains("Ouvert du lundi au vendredi."));
        changes.QuerySelectorAll("del").ShouldBeEmpty();

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(e => e.Subject == $"submission/{id}").OrderBy(e => e.Id).ToListAsync(Ct);
        audit.Select(e => e.Action).ShouldBe(["submission.created", "submission.submitted", "submission.returned", "submission.saved", "submission.submitted", "submission.published", "submission.saved"]);
        audit.ShouldAllBe(e => e.EconomyIso3 == "BDI");
        var lastSave = audit[^1];
        lastSave.OldValues!.ShouldContain("Burundi Trade Desk");
        lastSave.NewValues!.ShouldContain("Burundi MSME Trade Desk");
    }

    [Fact]
    public async Task ScriptInAnyFieldIsShownAsTextAndBadFieldsAreRefusedWithTheTextKept()
    {
        var official = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "BurundiWriter", economies: "BDI"));
        const string Form = "/en/account/sign-out";

        var bad = await official.PostFormAsync("/en/submissions/new", new(Fields("Desk", "my text")) { ["kind"] = "contact-point", ["economy"] = "BDI", ["field.website"] = "javascript:alert(1)", ["field.email"] = "not an email" }, Form);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badPage = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync(Ct));
        badPage.QuerySelector(".problems a[href='#website']").ShouldNotBeNull();
        badPage.QuerySelector(".problems a[href='#email']").ShouldNotBeNull();
        badPage.QuerySelector("textarea#details")!.TextContent.ShouldBe("my text");

        var created = await official.PostFormAsync("/en/submissions/new", new(Fields("<script>alert('organisation')</script>",
            "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)> [fine](https://example.org)"))
        { ["kind"] = "contact-point", ["economy"] = "BDI" }, Form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await official.GetStringAsync(created.Headers.Location!.ToString(), Ct);
        var document = new HtmlParser().ParseDocument(page);

        document.QuerySelectorAll("script").ShouldBeEmpty();
        document.QuerySelectorAll("img").ShouldBeEmpty();
        document.QuerySelectorAll("a[href^='javascript']").ShouldBeEmpty();
        document.QuerySelector("a[href='https://example.org']").ShouldNotBeNull();
        document.Body!.TextContent.ShouldContain("<script>alert(1)</script>");
    }
}
