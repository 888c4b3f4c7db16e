using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;

namespace Trade4Msmes.Tests.Agreements;

public class AgreementTests(AppFixture app)
{
    static List<int> Ids(JsonElement page) =>
        page.GetProperty("results").EnumerateArray().Select(a => a.GetProperty("rtaId").GetInt32()).ToList();

    [Fact]
    public async Task PartyFilterIncludesAgreementsSignedByTheEconomysBloc()
    {
        var france = await app.CreateClient().GetJsonAsync("/api/v1/agreements?party=FRA&pageSize=1000");

        Ids(france).ShouldContain(836); // EU - Japan, signed by the European Union
    }

    [Fact]
    public async Task InForceOnADateFollowsBlocMembershipOverTime()
    {
        var client = app.CreateClient();

        var before = Ids(await client.GetJsonAsync("/api/v1/agreements?party=GBR&inForceOn=2019-06-01&pageSize=1000"));
        var after = Ids(await client.GetJsonAsync("/api/v1/agreements?party=GBR&inForceOn=2022-06-01&pageSize=1000"));

        before.ShouldContain(836);     // EU - Japan applied to the UK as an EU member
        before.ShouldNotContain(1091); // UK - Japan was not yet in force
        after.ShouldNotContain(836);
        after.ShouldContain(1091);
    }

    [Fact]
    public async Task StatusAndTypeFiltersNarrowTheList()
    {
        var client = app.CreateClient();

        var all = await client.GetJsonAsync("/api/v1/agreements?pageSize=1000");
        var customsUnionsInForce = await client.GetJsonAsync("/api/v1/agreements?status=in-force&type=CU&pageSize=1000");

        all.GetProperty("total").GetInt32().ShouldBe(655);
        var unions = customsUnionsInForce.GetProperty("results").EnumerateArray().ToList();
        unions.ShouldNotBeEmpty();
        unions.ShouldAllBe(a => a.GetProperty("status").GetString() == "In Force" && a.GetProperty("type").GetString()!.Contains("CU"));
    }

    [Fact]
    public async Task ResultsArePaged()
    {
        var client = app.CreateClient();

        var first = await client.GetJsonAsync("/api/v1/agreements?pageSize=10");
        var second = await client.GetJsonAsync("/api/v1/agreements?pageSize=10&page=2");

        Ids(first).Count.ShouldBe(10);
        Ids(first).Intersect(Ids(second)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AgreementListsPartiesAndTheEconomiesTheyBind()
    {
        var euJapan = await app.CreateClient().GetJsonAsync("/api/v1/agreements/836");

        euJapan.GetProperty("name").GetString().ShouldBe("EU - Japan");
        euJapan.GetProperty("inForceGoods").GetString().ShouldBe("2019-02-01");
        var current = euJapan.GetProperty("parties").EnumerateArray().Where(p => p.GetProperty("current").GetBoolean());
        current.Select(p => p.GetProperty("nameAsListed").GetString()).ShouldBe(["European Union", "Japan"], ignoreOrder: true);
        var participants = euJapan.GetProperty("participants").EnumerateArray().ToList();
        participants.ShouldContain(p => p.GetProperty("economy").GetString() == "DEU" && p.GetProperty("via").GetString() == "European Union");
        participants.ShouldContain(p => p.GetProperty("economy").GetString() == "JPN" && p.GetProperty("via").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task PartyNotYetInForceIsMarked()
    {
        // CPTPP accession of the UK (RTA 1218): in force for Australia, not yet for Canada when the export was made.
        var accession = await app.CreateClient().GetJsonAsync("/api/v1/agreements/1218");

        var canada = accession.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("economy").GetString() == "CAN");
        canada.GetProperty("entryDate").GetString().ShouldBe("9999-01-01");
    }

    [Fact]
    public async Task AgreementPageShowsPartiesAndSource()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/agreements/836");

        page.QuerySelector("h1")!.TextContent.ShouldBe("EU - Japan");
        page.QuerySelectorAll("a[href='/en/economies/JPN']").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("a[href^='https://rtais.wto.org/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task ListPageFiltersByPartyAndKeepsTheForm()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/agreements?party=KEN&status=in-force");

        page.QuerySelector("select[name=party] option[selected]")!.GetAttribute("value").ShouldBe("KEN");
        page.QuerySelectorAll("main tbody a").Select(a => a.TextContent).ShouldContain("EU - Kenya");
    }

    [Theory]
    [InlineData("/api/v1/agreements?inForceOn=notadate", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/agreements?inForceOn=2024-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/agreements?party=KE", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/agreements?status=maybe", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/agreements?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/agreements?party=ZZZ", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/agreements/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/agreements/abc", HttpStatusCode.NotFound)]
    public async Task BadFiltersGetAProblem(string url, HttpStatusCode expected) =>
        await app.CreateClient().GetProblemAsync(url, expected);

    [Theory]
    [InlineData("/en/agreements?inForceOn=notadate", "“notadate” is not a date")]
    [InlineData("/en/agreements?party=ZZZ", "There is no economy with code ZZZ.")]
    public async Task BadFiltersInThePageAreExplainedBesideTheForm(string url, string message)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(message);
        page.QuerySelector("form.filters").ShouldNotBeNull();
    }
}
