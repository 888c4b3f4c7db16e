using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.PolicyDatabases;

// An economy official fills the Annex 1 checklist of a review through the submission pages; once an editor
// publishes it, each item filled is an entry of the TPR database, and a new version replaces them at the same
// addresses. Uses Bhutan (BTN), which no other test touches; the text is a fictional fixture. It runs alone because
// its TPR entries would change the counts other tests take of the shipped TPR entries.
[Collection(RunsAlone.Name)]
public class PolicySubmissionTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Form = "/en/account/sign-out";

    static Dictionary<string, string> Checklist(int revision, string item2b, string? item3a) => new()
    {
        ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["field.review"] = "3rd Trade Policy Review",
        ["field.year"] = "2025",
        ["field.source"] = "WT/TPR/G/000 (FICTIONAL TEST FIXTURE)",
        ["field.source-location"] = "paragraph 4.2",
        ["field.language"] = "fr",
        ["field.item-2b"] = item2b,
        ["field.item-3a"] = item3a ?? "",
    };

    async Task<List<PolicyRecord>> RecordsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PolicyRecords.Where(r => r.EconomyIso3 == "BTN").OrderBy(r => r.Key).ToListAsync(Ct);
    }

    [Fact]
    public async Task APublishedChecklistBecomesOneEntryPerItemAndANewVersionReplacesThem()
    {
        var official = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "BhutanOfficial", economies: "BTN"));
        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "PolicyEditor", editor: true));

        var form = await official.GetDocumentAsync("/en/submissions/new?kind=tpr-checklist&economy=BTN");
        form.QuerySelector("select[name='field.language']").ShouldNotBeNull();
        form.QuerySelectorAll("textarea").Length.ShouldBe(10);

        var empty = await official.PostFormAsync("/en/submissions/new", new(Checklist(0, "", null)) { ["kind"] = "tpr-checklist", ["economy"] = "BTN" }, Form);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync(Ct)).ShouldContain("Fill at least one item of the checklist.");
        var huge = await official.PostFormAsync("/en/submissions/new", new(Checklist(0, new string('x', 10_000_000), null)) { ["kind"] = "tpr-checklist", ["economy"] = "BTN" }, Form);
        huge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await huge.Content.ReadAsStringAsync(Ct)).ShouldContain("This text is too long for this field.");

        var created = await official.PostFormAsync("/en/submissions/new",
            new(Checklist(0, "Les projets de règlements sont publiés <script>alert(1)</script> pour consultation des petites entreprises.", "Un programme d'appui aux exportateurs."))
            { ["kind"] = "tpr-checklist", ["economy"] = "BTN" }, Form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        (await official.PostFormAsync($"/en/submissions/{id}?handler=submit", new() { ["revision"] = "1" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecordsAsync()).ShouldBeEmpty("nothing is public before an editor publishes");
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=publish", new() { ["revision"] = "2" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var first = await RecordsAsync();
        first.Select(r => (r.Key, r.Category, r.Language)).ShouldBe([($"s{id}-2b", "2b", "fr"), ($"s{id}-3a", "3a", "fr")]);
        var found = await app.CreateClient().GetJsonAsync("/api/v1/policy/search?q=reglement+consultation&economy=BTN");
        found.GetProperty("results")[0].GetProperty("url").GetString().ShouldBe($"/en/policy/records/s{id}-2b");
        found.GetProperty("results")[0].GetProperty("sourceSymbol").GetString().ShouldBe("WT/TPR/G/000 (FICTIONAL TEST FIXTURE)");
        (await app.CreateClient().GetStringAsync($"/en/policy/records/s{id}-2b", Ct)).ShouldNotContain("<script>alert(1)");
        var tracker = await app.CreateClient().GetJsonAsync("/api/v1/package-tracker");
        tracker.GetProperty("annexes")[0].GetProperty("economies").EnumerateArray().ShouldContain(e => e.GetProperty("economy").GetString() == "BTN");

        // Version 2 drops item 3(a) and rewrites 2(b): the 2(b) entry keeps its address, the 3(a) entry goes.
        (await official.PostFormAsync($"/en/submissions/{id}/edit", Checklist(3, "Les projets sont publiés soixante jours avant leur adoption.", null), Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecordsAsync()).Count.ShouldBe(2, "the published version stays public while the next is drafted");
        (await official.PostFormAsync($"/en/submissions/{id}?handler=submit", new() { ["revision"] = "4" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=publish", new() { ["revision"] = "5" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = await RecordsAsync();
        second.Select(r => r.Key).ShouldBe([$"s{id}-2b"]);
        second[0].Id.ShouldBe(first[0].Id);
        second[0].Text.ShouldContain("soixante jours");
        (await app.CreateClient().GetJsonAsync("/api/v1/policy/search?q=soixante")).GetProperty("total").GetInt32().ShouldBe(1);
        await app.CreateClient().GetDocumentAsync($"/en/policy/records/s{id}-3a", HttpStatusCode.NotFound);
    }

    // Only agreements Bhutan is or was a party to can be chosen; the published provision binds the agreement's
    // parties, so it is found under each of them.
    [Fact]
    public async Task AnRtaProvisionIsWrittenByAPartyAndPublishedForAllParties()
    {
        var official = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "BhutanRtaOfficial", economies: "BTN"));
        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "RtaEditor", editor: true));
        var form = await official.GetDocumentAsync("/en/submissions/new?kind=rta-provision&economy=BTN");
        var options = form.QuerySelectorAll("select[name='field.agreement'] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        options.ShouldNotBeEmpty();
        options.ShouldNotContain("110", "Bhutan is not a party to Canada–Chile");
        var agreement = int.Parse(options[0]!, System.Globalization.CultureInfo.InvariantCulture);

        Dictionary<string, string> Provision(string rta) => new()
        {
            ["kind"] = "rta-provision",
            ["economy"] = "BTN",
            ["field.agreement"] = rta,
            ["field.category"] = "committee",
            ["field.reference"] = "Article 9 (FICTIONAL TEST FIXTURE)",
            ["field.title"] = "Contact points for small firms",
            ["field.text"] = "Each party designates a contact point that answers questions from small and medium-sized enterprises.",
            ["field.year"] = "2020",
            ["field.source"] = "FICTIONAL TEST FIXTURE",
            ["field.language"] = "en",
        };
        var refused = await official.PostFormAsync("/en/submissions/new", Provision("110"), Form);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Choose an agreement your economy is or was a party to.");

        var created = await official.PostFormAsync("/en/submissions/new", Provision(options[0]!), Form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        (await official.PostFormAsync($"/en/submissions/{id}/edit", new(Provision("110")) { ["revision"] = "1" }, Form)).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest, "saving checks the agreement again");
        (await official.PostFormAsync($"/en/submissions/{id}?handler=submit", new() { ["revision"] = "1" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.PostFormAsync($"/en/submissions/{id}?handler=publish", new() { ["revision"] = "2" }, Form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.PolicyRecords.SingleAsync(r => r.Key == $"s{id}-provision", Ct);
        record.Database.ShouldBe(PolicyDatabase.Rta);
        record.RtaId.ShouldBe(agreement);
        record.EconomyIso3.ShouldBeNull();
        var parties = await db.AgreementParticipations.Where(p => p.RtaId == agreement && p.To == null).Select(p => p.EconomyIso3).Distinct().ToListAsync(Ct);
        parties.ShouldContain("BTN");
        foreach (var party in parties)
        {
            var found = await app.CreateClient().GetJsonAsync($"/api/v1/policy/search?database=rta&economy={party}&q=contact+points");
            found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ShouldBe([$"s{id}-provision"]);
        }
    }
}
