using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;

namespace Trade4Msmes.Tests.Economies;

// Regional pages, and what an economy page says about the tariff and de minimis rules that apply there.
public class RegionAndMarketTests(AppFixture app)
{
    [Fact]
    public async Task ARegionalPageGathersItsEconomiesPolicyEntriesSchedulesAndResources()
    {
        var page = await app.CreateClient().GetDocumentAsync("/fr/regions/150");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Europe");
        var economies = page.QuerySelectorAll("ul.columns a").Select(a => a.GetAttribute("href")).ToList();
        economies.ShouldContain("/fr/economies/FRA");
        economies.ShouldNotContain("/fr/economies/KEN");
        page.QuerySelectorAll("main a[href='/fr/tariffs/GBR']").Length.ShouldBe(1, "the UK's schedule is held");
        page.QuerySelectorAll("ul.library li").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AnUnknownRegionIsNotFound() =>
        await app.CreateClient().GetDocumentAsync("/en/regions/999", HttpStatusCode.NotFound);

    [Fact]
    public async Task AnEconomyPageNamesTheTariffThatAppliesAndItsDeMinimisRules()
    {
        var client = app.CreateClient();

        var france = await client.GetDocumentAsync("/en/economies/FRA");
        var canada = await client.GetDocumentAsync("/en/economies/CAN");

        france.QuerySelector("main")!.TextContent.ShouldContain("Goods entering France pay the tariff of its customs union, EUN.");
        france.QuerySelectorAll("main a[href='/en/tariffs/EUN']").Length.ShouldBe(1);
        canada.QuerySelector("main")!.TextContent.ShouldContain("This platform holds no tariff schedule for Canada yet");
        canada.QuerySelector("main")!.TextContent.ShouldContain("CAD 150");
        canada.QuerySelector("a[href='/en/regions/19']").ShouldNotBeNull();
    }

    // Several de minimis rules are sorted by threshold, a decimal: on SQLite, sorting decimals in SQL used a
    // collation that parsed "20.0" in the page's culture, and a French page failed inside SQLite.
    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task DeMinimisRulesShowOnFrenchAndSpanishPages(string lang)
    {
        var canada = await app.CreateClient().GetDocumentAsync($"/{lang}/economies/CAN");

        canada.QuerySelector("main")!.TextContent.ShouldContain("CAD 150");
    }
}
