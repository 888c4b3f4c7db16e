using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Tests.Portal;

// check-links against this site's own pages: one that answers, one that does not.
public class LinkCheckTests(AppFixture app)
{
    static LibraryRecord Record(string id, string url) =>
        new(id, url, "Test", "guide", "business", ["readiness"], ["world"], ["en"], null, "not checked", new Dictionary<string, (string, string)>());

    [Fact]
    public async Task LinksThatAnswerGetTodaysDateAndTheOthersAreReported()
    {
        var records = new[] { Record("home", "http://localhost/en/"), Record("gone", "http://localhost/en/roadmap/nowhere") };

        var progress = new List<string>();
        var results = await LinkCheck.CheckAsync(records, app.CreateClient(), TestContext.Current.CancellationToken, (done, r) => progress.Add($"{done} {r.Record.Id}"));

        progress.ShouldBe(["1 home", "2 gone"]);
        results.Select(r => (r.Record.Id, r.Status, r.Works)).ShouldBe([("home", (int?)200, true), ("gone", 404, false)]);
        var csv = LinkCheck.Csv(results, new DateOnly(2026, 12, 1)).Split('\n');
        csv[1].ShouldBe("home,http://localhost/en/,Test,guide,business,readiness,world,en,2026-12-01,\"fetched, HTTP 200\"");
        csv[2].ShouldBe("gone,http://localhost/en/roadmap/nowhere,Test,guide,business,readiness,world,en,,not checked");
    }
}
