using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Tariffs;

// Kenya's transmissions are made only by the versioning test below; Ghana's must all be refused (nothing stored),
// except the JSON one, which is counted. Every date is after the shared fixture's "today" so that other tests,
// which ask about Kenya as of 2026-11-22, still find no data.
public class TransmissionTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Header = "record,line,description,duty,out_of_quota_duty,programme,agreement,origins,year,value,quantity,unit";

    const string Version1 = Header + """

        programme,,East African Community customs union,,,EAC,94,UGA TZA RWA BDI,,,,
        line,0901210000,"Coffee, roasted, not decaffeinated",,,,,,,,,kg
        mfn,0901210000,,25%,,,,,,,,
        preferential,0901210000,,Free,,EAC,,,,,,
        tax,0901210000,VAT,16%,,,,,,,,
        import,0901210000,,,,,,UGA,2026,125000.50,5000,kg
        line,0101300000,Asses,,,,,,,,,No.
        mfn,0101300000,,10%,,,,,,,,
        quota,0101300000,,5%,25%,,,,,,1000,No.
        line,0902100000,Green tea in packings of 3 kg or less,,,,,,,,,kg
        mfn,0902100000,,25%,,,,,,,,
        """;

    const string Version2 = Header + """

        programme,,East African Community customs union,,,EAC,94,UGA TZA RWA BDI,,,,
        line,0901210000,"Coffee, roasted, not decaffeinated",,,,,,,,,kg
        mfn,0901210000,,35%,,,,,,,,
        preferential,0901210000,,Free,,EAC,,,,,,
        line,0101300000,Asses,,,,,,,,,No.
        mfn,0101300000,,10%,,,,,,,,
        line,0902200000,Other green tea,,,,,,,,,kg
        mfn,0902200000,,25%,,,,,,,,
        """;

    static HttpRequestMessage Transmission(string economy, string key, byte[] body, string mediaType, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/economies/{economy}/tariff-transmissions?{query}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (key.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return request;
    }

    internal static HttpRequestMessage Csv(string economy, string key, string csv, string query = "validFrom=2027-01-01&currency=KES") =>
        Transmission(economy, key, Encoding.UTF8.GetBytes(csv), "text/csv", query);

    Task<string> Token(string economy) => TestAccounts.TransmissionTokenAsync(app.Services, economy);

    async Task<int> VersionCount(string economy)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.TariffSchedules.CountAsync(s => s.EconomyIso3 == economy, Ct);
    }

    [Fact]
    public async Task AnAcceptedTransmissionBecomesANewDatedVersionAndTheOldOneStaysQueryable()
    {
        var client = app.CreateClient();

        var first = await client.SendAsync(Csv("KEN", await Token("KEN"), Version1), Ct);
        var second = await client.SendAsync(Csv("KEN", await Token("KEN"), Version2, "validFrom=2028-01-01&currency=KES&title=Kenya%202028"), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var report = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        report.GetProperty("lines").GetInt32().ShouldBe(3);
        var v1 = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32();
        var v2 = report.GetProperty("version").GetInt32();
        v2.ShouldBe(v1 + 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accepted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
                .SingleAsync(e => e.Subject == $"tariff-schedule/KEN/{v2}", Ct);
            accepted.Action.ShouldBe("tariff-schedule.accepted");
            accepted.Actor.ShouldStartWith("API token ");
            accepted.NewValues!.ShouldContain("Kenya 2028");
        }

        var in2027 = await client.GetJsonAsync("/api/v1/market-access?product=090121&origin=FRA&destination=KEN&asOf=2027-06-01&value=1000&currency=KES");
        var in2028 = await client.GetJsonAsync("/api/v1/market-access?product=090121&origin=FRA&destination=KEN&asOf=2028-06-01");
        var fromUganda = await client.GetJsonAsync("/api/v1/market-access?product=090121&origin=UGA&destination=KEN&asOf=2027-06-01");
        static JsonElement Coffee(JsonElement a) => a.GetProperty("lines")[0];
        Coffee(in2027).GetProperty("mfn").GetProperty("text").GetString().ShouldBe("25%");
        Coffee(in2027).GetProperty("taxes")[0].GetProperty("name").GetString().ShouldBe("VAT");
        Coffee(in2027).GetProperty("best").GetProperty("estimate").GetProperty("duty").GetDecimal().ShouldBe(250m);
        Coffee(in2028).GetProperty("mfn").GetProperty("text").GetString().ShouldBe("35%");
        Coffee(fromUganda).GetProperty("best").GetProperty("duty").GetProperty("text").GetString().ShouldBe("Free");
        var imports = Coffee(fromUganda).GetProperty("imports").EnumerateArray().Single();
        (imports.GetProperty("year").GetInt32(), imports.GetProperty("fromOrigin").GetDecimal(), imports.GetProperty("fromAll").GetDecimal())
            .ShouldBe((2026, 125000.50m, 125000.50m));
        Coffee(in2027).GetProperty("imports")[0].GetProperty("fromOrigin").GetDecimal().ShouldBe(0m);

        var diff = await client.GetJsonAsync($"/api/v1/economies/KEN/tariff-schedules/diff?from={v1}&to={v2}");
        diff.GetProperty("added").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldBe(["0902200000"]);
        diff.GetProperty("removed").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldBe(["0902100000"]);
        var changed = diff.GetProperty("changed").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);
        var coffee = changed["0901210000"].GetProperty("changes").EnumerateArray().ToList();
        coffee.ShouldContain(c => c.GetProperty("kind").GetString() == "Mfn" && c.GetProperty("old").GetString() == "25%" && c.GetProperty("new").GetString() == "35%");
        coffee.ShouldContain(c => c.GetProperty("kind").GetString() == "InternalTax" && c.GetProperty("new").ValueKind == JsonValueKind.Null);
        changed["0101300000"].GetProperty("changes").EnumerateArray().Single().GetProperty("kind").GetString().ShouldBe("Quota");

        var page = await client.GetDocumentAsync($"/es/tariffs/KEN/diff?from={v1}&to={v2}");
        page.QuerySelector("tbody")!.TextContent.ShouldContain("35%");
    }

    [Fact]
    public async Task TheJsonFormUsesTheSameSchema()
    {
        var before = await VersionCount("GHA");
        var json = """
            { "format": "trade4msmes-tariff/1", "validFrom": "2027-01-01", "currency": "GHS", "hsEdition": 2022,
              "records": [
                { "record": "line", "line": "18010000", "description": "Cocoa beans, whole or broken, raw or roasted", "unit": "kg" },
                { "record": "mfn", "line": "18010000", "duty": "20%" },
                { "record": "ave", "line": "18010000", "duty": "20" }
              ] }
            """;

        var response = await app.CreateClient().SendAsync(
            Transmission("GHA", await Token("GHA"), Encoding.UTF8.GetBytes(json), "application/json", ""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await VersionCount("GHA")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task TheDocumentedSamplesAreAcceptedInBothForms()
    {
        var client = app.CreateClient();
        var samples = Path.Combine(Repository.Root, "docs", "samples");
        var before = await VersionCount("GHA");

        var csv = await client.SendAsync(Transmission("GHA", await Token("GHA"),
            await File.ReadAllBytesAsync(Path.Combine(samples, "tariff-transmission.csv"), Ct), "text/csv",
            "validFrom=2027-07-01&currency=USD&title=Sample"), Ct);
        var json = await client.SendAsync(Transmission("GHA", await Token("GHA"),
            await File.ReadAllBytesAsync(Path.Combine(samples, "tariff-transmission.json"), Ct), "application/json", ""), Ct);

        csv.StatusCode.ShouldBe(HttpStatusCode.Created, await csv.Content.ReadAsStringAsync(Ct));
        json.StatusCode.ShouldBe(HttpStatusCode.Created, await json.Content.ReadAsStringAsync(Ct));
        var fromCsv = await csv.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var fromJson = await json.Content.ReadFromJsonAsync<JsonElement>(Ct);
        foreach (var count in new[] { "lines", "rates", "programmes", "imports" })
        {
            fromJson.GetProperty(count).GetInt32().ShouldBe(fromCsv.GetProperty(count).GetInt32(), count);
        }
        fromCsv.GetProperty("imports").GetInt32().ShouldBe(2);
        (await VersionCount("GHA")).ShouldBe(before + 2);
    }

    public static TheoryData<string, int, string?, string> BadFiles => new()
    {
        { Header + "\nline,0901210000,Coffee,,,,,,,,\n", 2, null, "Expected 12 columns, found 11" },
        { Header + "\nline,0901210000,Coffee,,,,,,,,,kg\nmfn,0901210000,,12%%,,,,,,,,\n", 3, "duty", "12%%" },
        { Header + "\nline,09012,Coffee,,,,,,,,,kg\n", 2, "line", "not a national tariff line" },
        { Header + "\nline,9999990000,Nothing,,,,,,,,,kg\n", 2, "line", "does not start with an HS subheading" },
        { Header + "\nline,0901210000,Coffee,,,,,,,,,kg\nmfn,0901210000,,5%,,,,,,,,\nline,0901210000,Coffee again,,,,,,,,,kg\n", 4, "line", "declared twice" },
        { Header + "\nline,0901210000,Coffee,,,,,,,,,kg\nmfn,0901210000,,5%,,,,,,,,\npreferential,0901210000,,Free,,XYZ,,,,,,\n", 4, "programme", "not declared" },
        { Header + "\nline,0901210000,Coffee,,,,,,,,,kg\n", 0, "line", "has no \"mfn\" record" },
        { "code,rate\n0901210000,5%\n", 1, null, "The header must be exactly" },
        { "", 0, null, "The file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadTransmissionIsRefusedLineByLineAndStoresNothing(string csv, int line, string? field, string problem)
    {
        var before = await VersionCount("GHA");

        var response = await app.CreateClient().SendAsync(Csv("GHA", await Token("GHA"), csv), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        report.GetProperty("version").ValueKind.ShouldBe(JsonValueKind.Null);
        var found = report.GetProperty("problems").EnumerateArray().ToList();
        found.ShouldContain(p => p.GetProperty("line").GetInt32() == line
            && (field == null ? p.GetProperty("field").ValueKind == JsonValueKind.Null : p.GetProperty("field").GetString() == field)
            && p.GetProperty("problem").GetString()!.Contains(problem));
        (await VersionCount("GHA")).ShouldBe(before);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8AreReportedWithTheirLine()
    {
        var body = Encoding.UTF8.GetBytes(Header + "\nline,0901210000,Caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();

        var response = await app.CreateClient().SendAsync(Transmission("GHA", await Token("GHA"), body, "text/csv", "validFrom=2027-01-01&currency=GHS"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems")[0];
        problem.GetProperty("line").GetInt32().ShouldBe(2);
        problem.GetProperty("problem").GetString()!.ShouldContain("UTF-8");
    }

    [Fact]
    public async Task MissingHeaderFieldsAreReported()
    {
        var response = await app.CreateClient().SendAsync(Csv("GHA", await Token("GHA"),
            Header + "\nline,0901210000,Coffee,,,,,,,,,kg\nmfn,0901210000,,5%,,,,,,,,\n", query: "validFrom=soon"), Ct);

        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("field").GetString()).ToList();
        problems.ShouldBe(["validFrom", "currency"], ignoreOrder: true);
    }

    [Fact]
    public async Task OnlyTheEconomysOwnTokenMayTransmitForIt()
    {
        var client = app.CreateClient();
        var before = await VersionCount("GHA");

        var noKey = await client.SendAsync(Csv("GHA", "", Version1), Ct);
        var wrongKey = await client.SendAsync(Csv("GHA", "t4m_guess", Version1), Ct);
        var otherEconomy = await client.SendAsync(Csv("GHA", await Token("KEN"), Version1), Ct);

        noKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        otherEconomy.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherEconomy.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("KEN");
        (await VersionCount("GHA")).ShouldBe(before);
    }

    [Fact]
    public async Task AnOversizedTransmissionIsRefusedBeforeItIsRead()
    {
        var body = new byte[Trade4Msmes.Web.Features.Tariffs.TariffEndpoints.MaxTransmissionBytes + 1];

        var response = await app.CreateClient().SendAsync(Transmission("GHA", await Token("GHA"), body, "text/csv", "validFrom=2027-01-01&currency=GHS"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AnUnknownMediaTypeIsRefused()
    {
        var response = await app.CreateClient().SendAsync(
            Transmission("GHA", await Token("GHA"), [1, 2, 3], "application/vnd.ms-excel", "validFrom=2027-01-01"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
