using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Tests.Alerts;

// Importing notifications into the shared app and finding them through the API. The fixture's symbols
// (…/9001 to …/9004) are imported once for this class; the tests that import more use symbols of their own
// (5 digits), so searches here look for the fixture's symbols among whatever else is stored.
public class NotificationApiTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The day the searches are made as of (asOf), so that "open for comment" does not depend on the real date.
    const string AsOf = "2026-11-20";

    static readonly string[] FixtureSymbols =
        ["G/TBT/N/USA/9001", "G/TBT/N/USA/9001/Add.1", "G/SPS/N/KEN/9002", "G/SPS/N/EU/9003", "G/SPS/N/BDI/KEN/RWA/9004"];

    static readonly SemaphoreSlim FixtureGate = new(1, 1);
    static bool fixtureImported;

    async Task ImportFixtureOnceAsync()
    {
        await FixtureGate.WaitAsync(Ct);
        try
        {
            if (!fixtureImported)
            {
                var report = await ImportAsync(await File.ReadAllBytesAsync(NotificationFileTests.FixturePath("notifications.json"), Ct), json: true);
                report.Problems.ShouldBeEmpty();
                fixtureImported = true;
            }
        }
        finally
        {
            FixtureGate.Release();
        }
    }

    async Task<NotificationImportReport> ImportAsync(byte[] body, bool json)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationStore>().ImportAsync(body, json, Actor.System, "test fixture", Ct);
    }

    Task<NotificationImportReport> ImportAsync(string json) => ImportAsync(Encoding.UTF8.GetBytes(json), json: true);

    async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    // The fixture symbols a search finds, in the order the API gives them.
    async Task<List<string>> FixtureResultsAsync(string query, string asOf = AsOf)
    {
        await ImportFixtureOnceAsync();
        var page = await app.CreateClient().GetJsonAsync($"/api/v1/notifications?limit=100&asOf={asOf}&{query}");
        page.GetProperty("total").GetInt32().ShouldBeLessThanOrEqualTo(100, "the test reads one page");
        return page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()!).Where(FixtureSymbols.Contains).ToList();
    }

    static string NewSymbol(string domain = "TBT") => $"G/{domain}/N/USA/{Random.Shared.Next(10_000, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    static string Record(string symbol, string title, string hs = "090121") => $$"""
        {"documentSymbol": "{{symbol}}", "notifyingMember": "USA", "distributionDate": "2026-11-18T00:00:00",
         "title": "{{title}}", "hsCodes": ["{{hs}}"]}
        """;

    [Theory]
    [InlineData("hs=0901", new[] { "G/TBT/N/USA/9001", "G/SPS/N/KEN/9002" })]
    [InlineData("hs=090121", new[] { "G/TBT/N/USA/9001", "G/SPS/N/KEN/9002" })]
    [InlineData("hs=09.01.22", new[] { "G/TBT/N/USA/9001", "G/SPS/N/KEN/9002" })]
    [InlineData("hs=09", new[] { "G/SPS/N/BDI/KEN/RWA/9004", "G/TBT/N/USA/9001", "G/SPS/N/KEN/9002" })]
    [InlineData("hs=090210", new[] { "G/SPS/N/BDI/KEN/RWA/9004", "G/SPS/N/KEN/9002" })]
    [InlineData("hs=040221", new[] { "G/SPS/N/EU/9003" })]
    [InlineData("hs=0403", new string[0])]
    [InlineData("member=USA", new[] { "G/TBT/N/USA/9001/Add.1", "G/TBT/N/USA/9001" })]
    [InlineData("member=eun", new[] { "G/SPS/N/EU/9003" })]
    [InlineData("member=KEN", new[] { "G/SPS/N/KEN/9002" })]
    [InlineData("domain=SPS", new[] { "G/SPS/N/EU/9003", "G/SPS/N/BDI/KEN/RWA/9004", "G/SPS/N/KEN/9002" })]
    [InlineData("domain=tbt", new[] { "G/TBT/N/USA/9001/Add.1", "G/TBT/N/USA/9001" })]
    [InlineData("q=pesticides", new[] { "G/SPS/N/KEN/9002" })]
    [InlineData("q=Roasted%20COFFEE", new[] { "G/TBT/N/USA/9001/Add.1", "G/TBT/N/USA/9001" })]
    [InlineData("q=coffee%20pesticides", new[] { "G/SPS/N/KEN/9002" })]
    [InlineData("q=%C3%A9tiquetage", new[] { "G/SPS/N/BDI/KEN/RWA/9004" })]
    [InlineData("hs=09&domain=SPS&member=KEN", new[] { "G/SPS/N/KEN/9002" })]
    [InlineData("hs=0901&member=EUN", new string[0])]
    public async Task SearchesFilterByProductMemberDomainAndWordsNewestFirst(string query, string[] expected)
    {
        (await FixtureResultsAsync(query)).ShouldBe(expected);
    }

    [Fact]
    public async Task OpenForCommentKeepsTheNotificationsWhoseDeadlineHasNotPassedNearestFirst()
    {
        (await FixtureResultsAsync("openForComment=true")).ShouldBe(["G/SPS/N/BDI/KEN/RWA/9004", "G/SPS/N/EU/9003", "G/TBT/N/USA/9001"]);
        (await FixtureResultsAsync("openForComment=true", asOf: "2026-12-06")).ShouldBe(["G/SPS/N/EU/9003", "G/TBT/N/USA/9001"]);
        (await FixtureResultsAsync("openForComment=true", asOf: "2026-12-20")).ShouldBe(["G/SPS/N/EU/9003", "G/TBT/N/USA/9001"], "the deadline day is still open");
        (await FixtureResultsAsync("openForComment=true", asOf: "2027-01-02")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASearchResultSummarisesTheNotification()
    {
        await ImportFixtureOnceAsync();

        var page = await app.CreateClient().GetJsonAsync($"/api/v1/notifications?member=EUN&q=milk&asOf={AsOf}&lang=fr");

        var eu = page.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("symbol").GetString() == "G/SPS/N/EU/9003");
        eu.GetProperty("domain").GetString().ShouldBe("SPS");
        eu.GetProperty("type").GetString().ShouldBe("Emergency");
        eu.GetProperty("member").GetString().ShouldBe("EUN");
        eu.GetProperty("memberName").GetString().ShouldBe("Union européenne");
        eu.GetProperty("distributionDate").GetString().ShouldBe("2026-11-10");
        eu.GetProperty("commentDeadline").GetString().ShouldBe("2026-12-20");
        eu.GetProperty("openForComment").GetBoolean().ShouldBeTrue();
        eu.GetProperty("hsCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["0402", "040210"]);
        eu.GetProperty("url").GetString().ShouldBe("/fr/notifications/G/SPS/N/EU/9003");
    }

    [Fact]
    public async Task TheNotificationsPageOffsetAndLimit()
    {
        await ImportFixtureOnceAsync();
        var client = app.CreateClient();

        var all = await client.GetJsonAsync("/api/v1/notifications?domain=SPS&limit=100");
        var second = await client.GetJsonAsync("/api/v1/notifications?domain=SPS&offset=1&limit=1");

        second.GetProperty("total").GetInt32().ShouldBe(all.GetProperty("total").GetInt32());
        second.GetProperty("offset").GetInt32().ShouldBe(1);
        second.GetProperty("limit").GetInt32().ShouldBe(1);
        second.GetProperty("results").EnumerateArray().ShouldHaveSingleItem().GetProperty("symbol").GetString()
            .ShouldBe(all.GetProperty("results")[1].GetProperty("symbol").GetString());
    }

    [Theory]
    [InlineData("hs=12x", "hs")]
    [InlineData("hs=09012", "hs")]
    [InlineData("member=QQQ", "member")]
    [InlineData("member=US", "member")]
    [InlineData("domain=XYZ", "domain")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("lang=de", "lang")]
    public async Task ABadSearchIsABadRequestSayingWhichParameter(string query, string parameter)
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/notifications?{query}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain(parameter);
    }

    [Fact]
    public async Task ANotificationIsFoundByItsSymbolWithItsFollowUps()
    {
        await ImportFixtureOnceAsync();

        var n = await app.CreateClient().GetJsonAsync("/api/v1/notifications/G/TBT/N/USA/9001");

        n.GetProperty("symbol").GetString().ShouldBe("G/TBT/N/USA/9001");
        n.GetProperty("domain").GetString().ShouldBe("TBT");
        n.GetProperty("type").GetString().ShouldBe("Regular");
        n.GetProperty("memberName").GetString().ShouldBe("United States of America");
        n.GetProperty("title").GetString()!.ShouldStartWith("Labelling requirements for roasted coffee");
        n.GetProperty("description").GetString()!.ShouldContain("\n");
        n.GetProperty("hsCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["090121", "090122"]);
        n.GetProperty("icsCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["67.140.20"]);
        n.GetProperty("commentDeadline").GetString().ShouldBe("2027-01-01");
        n.GetProperty("entryIntoForce").GetString().ShouldBe("2027-06-01");
        n.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).ShouldBe(["https://example.org/fictional/G-TBT-N-USA-9001.pdf"]);
        n.GetProperty("parent").ValueKind.ShouldBe(JsonValueKind.Null);
        n.GetProperty("source").GetString().ShouldBe("test fixture");
        var followUp = n.GetProperty("followUps").EnumerateArray().ShouldHaveSingleItem();
        followUp.GetProperty("symbol").GetString().ShouldBe("G/TBT/N/USA/9001/Add.1");
        followUp.GetProperty("type").GetString().ShouldBe("Addendum");
    }

    [Fact]
    public async Task AFollowUpIsFoundByItsSymbolInAnyCaseAndPointsToItsParent()
    {
        await ImportFixtureOnceAsync();

        var n = await app.CreateClient().GetJsonAsync("/api/v1/notifications/g/tbt/n/usa/9001/add.1?lang=es");

        n.GetProperty("symbol").GetString().ShouldBe("G/TBT/N/USA/9001/Add.1");
        n.GetProperty("parent").GetString().ShouldBe("G/TBT/N/USA/9001");
        n.GetProperty("parentRecorded").GetBoolean().ShouldBeTrue();
        n.GetProperty("followUps").GetArrayLength().ShouldBe(0);
        n.GetProperty("memberName").GetString().ShouldBe("Estados Unidos");
        n.GetProperty("url").GetString().ShouldBe("/es/notifications/G/TBT/N/USA/9001/Add.1");
    }

    [Fact]
    public async Task AJointNotificationIsFoundByItsFullSymbol()
    {
        await ImportFixtureOnceAsync();

        var n = await app.CreateClient().GetJsonAsync("/api/v1/notifications/G/SPS/N/BDI/KEN/RWA/9004");

        n.GetProperty("member").GetString().ShouldBe("BDI");
        n.GetProperty("language").GetString().ShouldBe("fr");
    }

    [Fact]
    public async Task AnUnknownSymbolIsNotFoundAndGarbageIsABadRequest()
    {
        var client = app.CreateClient();

        var missing = await client.GetProblemAsync("/api/v1/notifications/G/TBT/N/USA/99999/Corr.9", HttpStatusCode.NotFound);
        var garbage = await client.GetProblemAsync("/api/v1/notifications/G/XYZ/1", HttpStatusCode.BadRequest);

        missing.GetProperty("detail").GetString()!.ShouldContain("G/TBT/N/USA/99999/Corr.9");
        garbage.GetProperty("detail").GetString()!.ShouldContain("G/XYZ/1");
    }

    [Fact]
    public async Task AFileWithOneBadRecordChangesNothingAlreadyStored()
    {
        var existing = NewSymbol();
        (await ImportAsync($"[{Record(existing, "Stored title")}]")).Added.ShouldBe(1);
        var fresh = NewSymbol();
        var countBefore = await DbAsync(db => db.Notifications.CountAsync(Ct));
        var eventsBefore = await DbAsync(db => db.AlertEvents.CountAsync(Ct));

        var report = await ImportAsync($"[{Record(fresh, "New and fine")}, {Record(existing, "Changed title")}, {Record(NewSymbol(), "Bad code", hs: "991234")}]");

        report.Accepted.ShouldBeFalse();
        (report.Added, report.Updated).ShouldBe((0, 0));
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Field).ShouldBe((3, "hsCodes"));
        (await DbAsync(db => db.Notifications.CountAsync(Ct))).ShouldBe(countBefore);
        (await DbAsync(db => db.AlertEvents.CountAsync(Ct))).ShouldBe(eventsBefore);
        (await DbAsync(db => db.Notifications.AnyAsync(n => n.DocumentSymbol == fresh, Ct))).ShouldBeFalse();
        (await DbAsync(db => db.Notifications.SingleAsync(n => n.DocumentSymbol == existing, Ct))).Title.ShouldBe("Stored title");
    }

    [Fact]
    public async Task ReimportingASymbolUpdatesItInPlaceWithoutASecondAlert()
    {
        var symbol = NewSymbol("SPS");
        var first = await ImportAsync($"[{Record(symbol, "Fumigation of coffee beans", hs: "090111")}]");
        var stored = await DbAsync(db => db.Notifications.SingleAsync(n => n.DocumentSymbol == symbol, Ct));

        var second = await ImportAsync($"[{Record(symbol, "Fumigation of milk powder", hs: "040210")}]");

        (first.Added, first.Updated).ShouldBe((1, 0));
        (second.Added, second.Updated).ShouldBe((0, 1));
        var updated = await DbAsync(db => db.Notifications.Include(n => n.Codes).SingleAsync(n => n.DocumentSymbol == symbol, Ct));
        updated.Id.ShouldBe(stored.Id);
        updated.Title.ShouldBe("Fumigation of milk powder");
        updated.SearchText.ShouldContain("milk");
        updated.SearchText.ShouldNotContain("coffee");
        updated.Codes.Select(c => c.Code).ShouldBe(["040210"]);
        updated.RecordedAt.ShouldBe(stored.RecordedAt);
        (await DbAsync(db => db.AlertEvents.CountAsync(e => e.Kind == AlertEventKind.Notification && e.SubjectId == stored.Id, Ct))).ShouldBe(1);
        (await DbAsync(db => db.NotificationHsCodes.CountAsync(c => c.NotificationId == stored.Id, Ct))).ShouldBe(1, "the old code is gone");

        var client = app.CreateClient();
        var byNewCode = await client.GetJsonAsync($"/api/v1/notifications?hs=0402&q=fumigation&limit=100");
        var byOldCode = await client.GetJsonAsync($"/api/v1/notifications?hs=0901&q=fumigation&limit=100");
        byNewCode.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).ShouldContain(symbol);
        byOldCode.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).ShouldNotContain(symbol);
    }

    [Fact]
    public async Task ANewNotificationBecomesOneAlertEventAndTheImportIsAudited()
    {
        var one = NewSymbol();
        var two = NewSymbol("SPS");

        var report = await ImportAsync($"[{Record(one, "First")}, {Record(two, "Second")}]");

        (report.Added, report.Updated).ShouldBe((2, 0));
        var ids = await DbAsync(db => db.Notifications.Where(n => n.DocumentSymbol == one || n.DocumentSymbol == two).Select(n => n.Id).ToListAsync(Ct));
        ids.Count.ShouldBe(2);
        (await DbAsync(db => db.AlertEvents.Where(e => e.Kind == AlertEventKind.Notification && ids.Contains(e.SubjectId)).Select(e => e.SubjectId).ToListAsync(Ct)))
            .ShouldBe(ids, ignoreOrder: true);
    }
}
