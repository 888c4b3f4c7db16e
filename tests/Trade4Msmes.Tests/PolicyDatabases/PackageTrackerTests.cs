using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Policy;

namespace Trade4Msmes.Tests.PolicyDatabases;

// The tracker reads the policy entries; its figures follow them, they are not typed a second time.
public class PackageTrackerTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static List<string> Economies(JsonElement tracker, int annex) =>
        tracker.GetProperty("annexes").EnumerateArray().Single(a => a.GetProperty("annex").GetInt32() == annex)
            .GetProperty("economies").EnumerateArray().Select(e => e.GetProperty("economy").GetString()!).Order().ToList();

    [Fact]
    public async Task EachAnnexListsTheEconomiesTheShippedEntriesName()
    {
        var tracker = await app.CreateClient().GetJsonAsync("/api/v1/package-tracker");

        Economies(tracker, 1).ShouldBe(["CAN", "CHN", "JAM", "KAZ", "MDV", "PRY", "TWN"]);
        Economies(tracker, 2).ShouldContain("EUN");
        Economies(tracker, 4).ShouldBe(["GBR"]);
        Economies(tracker, 5).ShouldBe(["CAN", "CIV", "MUS", "NOR", "URY"]);
        var canada = tracker.GetProperty("annexes")[0].GetProperty("economies").EnumerateArray().Single(e => e.GetProperty("economy").GetString() == "CAN");
        canada.GetProperty("actions")[0].GetProperty("date").GetString().ShouldBe("2024-07-01");
        canada.GetProperty("actions")[0].GetProperty("url").GetString().ShouldBe("/en/policy/records/tpr-can-12");
    }

    [Fact]
    public async Task FiltersKeepTheRegionAndTheGroupsMembers()
    {
        var client = app.CreateClient();
        // Jamaica is not in the MSME Group (2024 annual report, paragraph 3.2).
        Economies(await client.GetJsonAsync("/api/v1/package-tracker?msmeGroup=true"), 1).ShouldNotContain("JAM");
        // The Americas (M49 019).
        Economies(await client.GetJsonAsync("/api/v1/package-tracker?region=19"), 1).ShouldBe(["CAN", "JAM", "PRY"]);
        await client.GetProblemAsync("/api/v1/package-tracker?region=abc", HttpStatusCode.BadRequest);
        await client.GetProblemAsync("/api/v1/package-tracker?format=pdf", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task APublishedEntryBecomesAnActionAndMovesTheQuestionnaireCycleOn()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tracker = scope.ServiceProvider.GetRequiredService<PackageTracker>();
            var before = await tracker.BuildAsync(null, false, today, "en", Ct);
            before.Annexes[1].Economies.ShouldNotContain(e => e.Economy == "ALB");

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var answer = new PolicyRecord
            {
                Key = "test-alb-gth",
                Database = PolicyDatabase.Package,
                EconomyIso3 = "ALB",
                Category = "2",
                Language = "en",
                Title = "Albania answered the Global Trade Helpdesk questionnaire",
                Text = "FICTIONAL TEST FIXTURE",
                Date = today.AddDays(-10),
                SourceSymbol = "FICTIONAL TEST FIXTURE",
                RecordedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.PolicyRecords.Add(answer);
            await db.SaveChangesAsync(Ct);

            var after = await tracker.BuildAsync(null, false, today, "en", Ct);
            after.Annexes[1].Economies.Single(e => e.Economy == "ALB").Actions.Single().Title.ShouldBe(answer.Title);
            // Albania is an MSME Group member (2024 annual report, footnote 2), so it is asked for the questionnaire.
            var albania = after.GthCycle.Single(g => g.Economy == "ALB");
            albania.LastAnswered.ShouldBe(answer.Date);
            albania.NextDue.ShouldBe(answer.Date!.Value.AddYears(2));
            albania.Overdue.ShouldBeFalse();
            before.GthCycle.Single(g => g.Economy == "ALB").Overdue.ShouldBeTrue();
            // The EU's last recorded answer is of 1 July 2024: the next was due on 1 July 2026.
            var eu = after.GthCycle.Single(g => g.Economy == "EUN");
            eu.NextDue.ShouldBe(new DateOnly(2026, 7, 1));
            after.GthCycle.Where(g => g.LastAnswered is null).ShouldAllBe(g => g.NextDue == new DateOnly(2021, 12, 11));
        }
    }

    [Fact]
    public async Task TheCsvHasOneRowPerAction()
    {
        var tracker = await app.CreateClient().GetJsonAsync("/api/v1/package-tracker");
        var actions = tracker.GetProperty("annexes").EnumerateArray().Sum(a => a.GetProperty("economies").EnumerateArray().Sum(e => e.GetProperty("actions").GetArrayLength()));

        var csv = await app.CreateClient().GetStringAsync("/api/v1/package-tracker?format=csv", Ct);

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("annex,economy,economy_name");
        (lines.Length - 1).ShouldBe(actions);
    }

    [Fact]
    public async Task TheSummaryAndAnnexPagesShowTheSameFigures()
    {
        var client = app.CreateClient();
        var summary = await client.GetDocumentAsync("/fr/policy/tracker");
        summary.QuerySelector("svg[role=img] title").ShouldNotBeNull();
        var row = summary.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/fr/policy/tracker/5");
        row.QuerySelectorAll("td")[1].TextContent.ShouldBe("5");
        summary.QuerySelector("a[download]")!.GetAttribute("href").ShouldBe("/api/v1/package-tracker?format=csv&lang=fr");

        var annex5 = await client.GetDocumentAsync("/fr/policy/tracker/5");
        annex5.QuerySelectorAll("tbody tr").Length.ShouldBe(5);
        var annex2 = await client.GetDocumentAsync("/es/policy/tracker/2?msmeGroup=true");
        annex2.QuerySelector("#gth-caption").ShouldNotBeNull();

        await client.GetDocumentAsync("/en/policy/tracker/7", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/en/policy/tracker?region=99999", HttpStatusCode.BadRequest);
    }
}
