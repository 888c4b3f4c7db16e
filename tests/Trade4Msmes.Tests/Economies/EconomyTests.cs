using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;

namespace Trade4Msmes.Tests.Economies;

public class EconomyTests(AppFixture app)
{
    [Fact]
    public async Task KnowsEveryIso3166EconomyAndTheEuropeanUnion()
    {
        var all = await app.CreateClient().GetJsonAsync("/api/v1/economies");

        all.GetArrayLength().ShouldBe(250);
    }

    [Fact]
    public async Task MsmeGroupHasTheHundredAndThreeMembersOfThe2024AnnualReport()
    {
        var members = await app.CreateClient().GetJsonAsync("/api/v1/economies?msmeGroup=true");

        members.GetArrayLength().ShouldBe(103);
        members.EnumerateArray().Select(e => e.GetProperty("iso3").GetString()).ShouldContain("EUN");
    }

    [Fact]
    public async Task WtoHasItsHundredAndSixtySixMembers()
    {
        var members = await app.CreateClient().GetJsonAsync("/api/v1/economies?wtoMember=true");

        members.GetArrayLength().ShouldBe(166);
    }

    [Theory]
    [InlineData("UKR", 2020)]
    [InlineData("GMB", 2021)]
    [InlineData("GEO", 2021)]
    [InlineData("CPV", 2024)]
    [InlineData("MOZ", 2024)]
    public async Task MsmeGroupJoiningYearIsCitedWhereTheDocumentsGiveIt(string iso3, int year)
    {
        var economy = await app.CreateClient().GetJsonAsync($"/api/v1/economies/{iso3}");

        var msme = economy.GetProperty("msmeGroup");
        msme.GetProperty("member").GetBoolean().ShouldBeTrue();
        msme.GetProperty("joinedYear").GetInt32().ShouldBe(year);
        msme.GetProperty("source").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task EconomyHasNamesRegionGroupsAndAgreements()
    {
        var kenya = await app.CreateClient().GetJsonAsync("/api/v1/economies/ken?lang=fr");

        kenya.GetProperty("iso3").GetString().ShouldBe("KEN");
        kenya.GetProperty("iso2").GetString().ShouldBe("KE");
        kenya.GetProperty("names").GetProperty("es").GetString().ShouldBe("Kenya");
        kenya.GetProperty("region").GetProperty("name").GetString().ShouldBe("Afrique");
        kenya.GetProperty("subRegion").GetProperty("name").GetString().ShouldBe("Afrique subsaharienne");
        kenya.GetProperty("leastDeveloped").GetBoolean().ShouldBeFalse();
        kenya.GetProperty("wto").GetProperty("status").GetString().ShouldBe("member");
        var agreements = kenya.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("rtaId").GetInt32()).ToList();
        agreements.ShouldContain(94);   // East African Community
        agreements.ShouldContain(1220); // EU - Kenya
    }

    [Fact]
    public async Task WtoNamesAreUsedForSeparateCustomsTerritories()
    {
        var taipei = await app.CreateClient().GetJsonAsync("/api/v1/economies/TWN");

        taipei.GetProperty("name").GetString().ShouldBe("Chinese Taipei");
    }

    [Fact]
    public async Task NamibiasCodeIsNotMistakenForMissingData()
    {
        var namibia = await app.CreateClient().GetJsonAsync("/api/v1/economies/NAM");

        namibia.GetProperty("iso2").GetString().ShouldBe("NA");
    }

    [Fact]
    public async Task UnitedKingdomWasBoundByEuAgreementsUntilTheEndOfTheTransition()
    {
        var uk = await app.CreateClient().GetJsonAsync("/api/v1/economies/GBR");

        var euJapan = uk.GetProperty("agreements").EnumerateArray().Single(a => a.GetProperty("rtaId").GetInt32() == 836);
        euJapan.GetProperty("via").GetString().ShouldBe("European Union");
        euJapan.GetProperty("from").GetString().ShouldBe("2019-02-01");
        euJapan.GetProperty("to").GetString().ShouldBe("2021-01-01");
    }

    [Fact]
    public async Task EuropeanUnionListsItsMemberStatesOverTime()
    {
        var eu = await app.CreateClient().GetJsonAsync("/api/v1/economies/EUN");

        var members = eu.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("iso3").GetString()!);
        members["FRA"].GetProperty("from").GetString().ShouldBe("1958-01-01");
        members["HRV"].GetProperty("from").GetString().ShouldBe("2013-07-01");
        members["GBR"].GetProperty("to").GetString().ShouldBe("2020-12-31");
        members.Values.Count(m => m.GetProperty("to").ValueKind == JsonValueKind.Null).ShouldBe(27);
    }

    [Fact]
    public async Task EconomyPageShowsMembershipsAndAgreements()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/economies/KEN");

        page.QuerySelector("h1")!.TextContent.ShouldContain("Kenya");
        page.QuerySelector("main")!.TextContent.ShouldContain("Informal Working Group on MSMEs");
        page.QuerySelectorAll("main table a[href^='/en/agreements/']").Length.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task EconomyListFiltersByRegion()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/economies?region=2&group=ldc");

        var names = page.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        names.ShouldContain("Mozambique");
        names.ShouldNotContain("Kenya");
    }

    [Theory]
    [InlineData("/api/v1/economies/KE", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/economies/K3N", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/economies/ZZZ", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/economies/KEN?lang=de", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/economies?group=g7", HttpStatusCode.BadRequest)]
    public async Task BadEconomyCodesGetAProblem(string url, HttpStatusCode expected) =>
        await app.CreateClient().GetProblemAsync(url, expected);

    [Theory]
    [InlineData("/en/economies/KE", HttpStatusCode.BadRequest)]
    [InlineData("/en/economies/ZZZ", HttpStatusCode.NotFound)]
    [InlineData("/en/economies?region=12345", HttpStatusCode.BadRequest)]
    [InlineData("/en/economies?msmeGroup=maybe", HttpStatusCode.BadRequest)]
    public async Task BadEconomyInputInPagesGetsAClearPage(string url, HttpStatusCode expected)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, expected);

        page.QuerySelector("h1").ShouldNotBeNull();
    }
}
