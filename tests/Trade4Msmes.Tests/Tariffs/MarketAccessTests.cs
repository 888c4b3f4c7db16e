using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;

namespace Trade4Msmes.Tests.Tariffs;

public class MarketAccessTests(AppFixture app)
{
    const string Today = "2026-11-22";

    static Task<JsonElement> Ask(HttpClient client, string query) =>
        client.GetJsonAsync($"/api/v1/market-access?{query}&asOf={Today}");

    static JsonElement Line(JsonElement answer, string code) =>
        answer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);

    static string? Best(JsonElement line) =>
        line.GetProperty("best") is { ValueKind: JsonValueKind.Object } best ? best.GetProperty("duty").GetProperty("text").GetString() : null;

    static List<string> Programmes(JsonElement rate) =>
        rate.GetProperty("programmes").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task AnAgreementPartnerGetsItsPreferenceAndOthersPayMfn()
    {
        var client = app.CreateClient();

        // HTS 0101.30.00.00 Asses: General 6.8%, Special Free (A+,AU,BH,...), Column 2 15%.
        var australia = Line(await Ask(client, "product=010130&origin=AUS&destination=USA"), "0101300000");
        var france = Line(await Ask(client, "product=010130&origin=FRA&destination=USA"), "0101300000");

        australia.GetProperty("mfn").GetProperty("text").GetString().ShouldBe("6.8%");
        Best(australia).ShouldBe("Free");
        Programmes(australia.GetProperty("best")).ShouldBe(["AU"]);
        australia.GetProperty("best").GetProperty("programmes")[0].GetProperty("rtaId").GetInt32().ShouldBe(41);
        Best(france).ShouldBe("6.8%");
        france.GetProperty("best").GetProperty("basis").GetString().ShouldBe("MFN");
    }

    [Fact]
    public async Task EconomiesWithoutNormalTradeRelationsPayColumnTwo()
    {
        var cuba = Line(await Ask(app.CreateClient(), "product=010130&origin=CUB&destination=USA"), "0101300000");

        Best(cuba).ShouldBe("15%");
        cuba.GetProperty("best").GetProperty("basis").GetString().ShouldBe("NonMfn");
    }

    [Fact]
    public async Task ALapsedProgrammeIsShownButNotOffered()
    {
        // Afghanistan is a least-developed GSP beneficiary (A+), but GSP lapsed after 31 December 2020.
        var client = app.CreateClient();
        var now = Line(await Ask(client, "product=010130&origin=AFG&destination=USA"), "0101300000");

        Best(now).ShouldBe("6.8%");
        var lapsed = now.GetProperty("notAvailable").EnumerateArray().Single();
        Programmes(lapsed).ShouldBe(["A+"]);
        lapsed.GetProperty("duty").GetProperty("text").GetString().ShouldBe("Free");
    }

    [Fact]
    public async Task AgoaCountriesQualifyWhileTheProgrammeIsInForce()
    {
        var kenya = Line(await Ask(app.CreateClient(), "product=010130&origin=KEN&destination=USA"), "0101300000");

        Best(kenya).ShouldBe("Free");
        Programmes(kenya.GetProperty("best")).ShouldBe(["D"]);
    }

    [Fact]
    public async Task AValueGivesAnEstimatedDutyAndLandedCostWithItsArithmetic()
    {
        var answer = await Ask(app.CreateClient(), "product=010130&origin=FRA&destination=USA&value=1000&currency=USD");

        var estimate = Line(answer, "0101300000").GetProperty("best").GetProperty("estimate");
        estimate.GetProperty("duty").GetDecimal().ShouldBe(68.00m);
        estimate.GetProperty("landedCost").GetDecimal().ShouldBe(1068.00m);
        estimate.GetProperty("currency").GetString().ShouldBe("USD");
        estimate.GetProperty("steps").EnumerateArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ALowValueShipmentUnderTheDeMinimisPaysNoDuty()
    {
        // UK: no customs duty on consignments of GBP 135 or less; asses pay 6.0% in the 2021 UK tariff.
        var client = app.CreateClient();
        var small = await Ask(client, "product=010130&origin=BRA&destination=GBR&value=100&currency=GBP");
        var large = await Ask(client, "product=010130&origin=BRA&destination=GBR&value=1000&currency=GBP");

        var waived = Line(small, "01013000").GetProperty("best").GetProperty("estimate");
        (waived.GetProperty("duty").GetDecimal(), waived.GetProperty("deMinimis").GetBoolean()).ShouldBe((0m, true));
        small.GetProperty("deMinimis").EnumerateArray().ShouldContain(d => d.GetProperty("applies").ValueKind == JsonValueKind.True);
        var charged = Line(large, "01013000").GetProperty("best").GetProperty("estimate");
        (charged.GetProperty("duty").GetDecimal(), charged.GetProperty("deMinimis").GetBoolean()).ShouldBe((60m, false));
    }

    [Fact]
    public async Task ThePageNamesTheUnknownEconomy()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/markets?product=090121&origin=KEN&destination=QQQ", HttpStatusCode.BadRequest);

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("QQQ");
    }

    [Fact]
    public async Task AnEuMemberIsAnsweredWithTheEuTariffOnItsHs2017Lines()
    {
        var answer = await Ask(app.CreateClient(), "product=090121&origin=KEN&destination=FRA");

        answer.GetProperty("tariffEconomy").GetProperty("iso3").GetString().ShouldBe("EUN");
        answer.GetProperty("schedule").GetProperty("hsEdition").GetInt32().ShouldBe(2017);
        answer.GetProperty("scheduleCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["090121"]);
        // CN 0901 21 00, roasted coffee not decaffeinated: 7.5% in the EU's 2020 tariff.
        Line(answer, "09012100").GetProperty("mfn").GetProperty("text").GetString().ShouldBe("7.5%");
    }

    [Fact]
    public async Task GoodsInsideOneCustomsTerritoryPayNoDuty()
    {
        var answer = await Ask(app.CreateClient(), "product=090121&origin=DEU&destination=FRA");

        answer.GetProperty("situation").GetString().ShouldBe("domestic");
        answer.GetProperty("lines").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AMarketWithoutDataSaysSoAndStillListsTheAgreements()
    {
        var answer = await Ask(app.CreateClient(), "product=090121&origin=UGA&destination=KEN");

        answer.GetProperty("situation").GetString().ShouldBe("no-data");
        answer.GetProperty("schedule").ValueKind.ShouldBe(JsonValueKind.Null);
        answer.GetProperty("agreementsInForce").EnumerateArray()
            .ShouldContain(a => a.GetProperty("name").GetString()!.Contains("East African Community"));
    }

    [Fact]
    public async Task ADateBeforeTheScheduleHasNoData()
    {
        var answer = await app.CreateClient().GetJsonAsync("/api/v1/market-access?product=010130&origin=FRA&destination=USA&asOf=2025-06-01");

        answer.GetProperty("situation").GetString().ShouldBe("no-data");
    }

    [Fact]
    public async Task AProductInWordsGoesThroughTheFinder()
    {
        var answer = await Ask(app.CreateClient(), "product=roasted%20coffee%20beans&origin=KEN&destination=USA");

        answer.GetProperty("productQuery").GetString().ShouldBe("roasted coffee beans");
        answer.GetProperty("product").GetProperty("code").GetString().ShouldBe("090121");
        answer.GetProperty("lines").EnumerateArray().ShouldAllBe(l => l.GetProperty("hs6").GetString() == "090121");
    }

    [Fact]
    public async Task VagueWordsAskTheUserToChooseAProduct()
    {
        var answer = await Ask(app.CreateClient(), "product=shoes&origin=KEN&destination=USA");

        answer.GetProperty("situation").GetString().ShouldBe("choose-product");
        answer.GetProperty("product").ValueKind.ShouldBe(JsonValueKind.Null);
        answer.GetProperty("productCandidates").GetArrayLength().ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData("origin=KEN&destination=USA", "Give a product")]
    [InlineData("product=0901&origin=KEN&destination=USA", "not an HS subheading")]
    [InlineData("product=090121&origin=K&destination=USA", "origin")]
    [InlineData("product=090121&origin=KEN&destination=USA&value=12,5x", "not a customs value")]
    [InlineData("product=090121&origin=KEN&destination=USA&asOf=22/11/2026", "not a date")]
    [InlineData("product=090121&origin=KEN&destination=USA&channel=pigeon", "Unknown shipping channel")]
    public async Task BadQuestionsGetAClearProblem(string query, string expected)
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/market-access?{query}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task UnknownCodesAreNotFound()
    {
        var client = app.CreateClient();

        await client.GetProblemAsync("/api/v1/market-access?product=999999&origin=KEN&destination=USA", HttpStatusCode.NotFound);
        await client.GetProblemAsync("/api/v1/market-access?product=090121&origin=XXX&destination=USA", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompareListsMarketsWithDataLowestDutyFirst()
    {
        var comparison = await app.CreateClient().GetJsonAsync($"/api/v1/market-access/compare?product=010130&origin=BRA&asOf={Today}");

        var markets = comparison.GetProperty("markets").EnumerateArray()
            .Select(m => (m.GetProperty("destination").GetProperty("iso3").GetString(), m.GetProperty("lowest").GetProperty("duty").GetProperty("adValorem").GetDecimal()))
            .ToList();
        // Asses: UK 6.0% (2021), US 6.8%, EU 7.7% (2020).
        markets.ShouldBe([("GBR", 6.0m), ("USA", 6.8m), ("EUN", 7.7m)]);
    }

    [Fact]
    public async Task ThePageAnswersWithoutJavaScript()
    {
        var page = await app.CreateClient().GetDocumentAsync($"/en/markets?product=010130&origin=AUS&destination=USA&value=1000&currency=USD&asOf={Today}");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "0101300000");
        row.TextContent.ShouldContain("6.8%");
        row.TextContent.ShouldContain("United States-Australia Free Trade Agreement");
        page.QuerySelector("h2")!.TextContent.ShouldContain("0101.30");
    }

    [Fact]
    public async Task ThePageExplainsABadQuestion()
    {
        var page = await app.CreateClient().GetDocumentAsync("/fr/markets?product=12&origin=KEN&destination=USA", HttpStatusCode.BadRequest);

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("090121");
    }
}
