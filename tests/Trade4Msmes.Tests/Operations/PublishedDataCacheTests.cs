using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Tests.Tariffs;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Operations;

// Two instances on one database, each with its own response cache. Mauritius's schedules are made only here,
// valid from 2027, after the shared fixture's today, so other tests asking about today never see them.
[Collection(RunsAlone.Name)]
public class PublishedDataCacheTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Question = "/api/v1/market-access?product=090121&origin=FRA&destination=MUS&asOf=2027-06-01";

    static string Schedule(string mfn) => $"""
        record,line,description,duty,out_of_quota_duty,programme,agreement,origins,year,value,quantity,unit
        line,0901210000,"Coffee, roasted, not decaffeinated",,,,,,,,,kg
        mfn,0901210000,,{mfn},,,,,,,,
        """;

    async Task TransmitAsync(HttpClient client, string mfn, string validFrom)
    {
        var token = await TestAccounts.TransmissionTokenAsync(app.Services, "MUS");
        using var request = TransmissionTests.Csv("MUS", token, Schedule(mfn), $"validFrom={validFrom}&currency=MUR");
        (await client.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    static async Task<string?> MfnAsync(HttpClient client) =>
        (await client.GetJsonAsync(Question)).GetProperty("lines")[0].GetProperty("mfn").GetProperty("text").GetString();

    [Fact]
    public async Task AnAnswerCachedByOneInstanceIsNotServedAfterAnotherAcceptsANewTariffVersion()
    {
        await using var other = new AppFactory(app.Database, loadReferenceData: false);
        var first = app.CreateClient();
        var second = other.CreateClient();

        await TransmitAsync(first, "15%", "2027-01-01");
        (await MfnAsync(second)).ShouldBe("15%");

        // Changed behind the app's back (no published version moves on): the second instance still answers from
        // its cache, which shows the cache is in use.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var schedule = await db.TariffSchedules.Where(s => s.EconomyIso3 == "MUS").Select(s => s.Id).SingleAsync(Ct);
            (await db.TariffRates.Where(r => db.TariffLines.Any(l => l.Id == r.LineId && l.ScheduleId == schedule)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, "99%"), Ct)).ShouldBe(1);
        }
        (await MfnAsync(second)).ShouldBe("15%");

        // A new version accepted through the first instance: the second answers from it at once.
        await TransmitAsync(first, "20%", "2027-03-01");
        (await MfnAsync(second)).ShouldBe("20%");
    }

    [Fact]
    public async Task APageSeenSignedInIsNeitherTakenFromNorPutInTheSharedCache()
    {
        var anonymous = app.CreateClient();
        var page = await anonymous.GetDocumentAsync("/en/economies/KEN");
        page.QuerySelector("header .account a")!.TextContent.ShouldBe("Sign in");

        var account = await TestAccounts.CreateAsync(app.Services, "CachedPageReader", economies: "KEN");
        var official = await TestAccounts.SignedInClientAsync(app.Factory, account);
        var own = await official.GetDocumentAsync("/en/economies/KEN");
        own.QuerySelector("header .account a")!.TextContent.ShouldNotBe("Sign in");

        (await anonymous.GetDocumentAsync("/en/economies/KEN")).QuerySelector("header .account a")!.TextContent.ShouldBe("Sign in");
    }
}
