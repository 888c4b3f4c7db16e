using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class MarketAccessJourney(Site site)
{
    [Fact]
    public async Task KeyboardUserAsksWhatAMarketChargesAndComparesMarkets()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/markets");

        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Product") }));
        await page.Keyboard.TypeAsync("roasted coffee");
        await journey.TabToAsync(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex(@"^Made in") }));
        await page.Keyboard.TypeAsync("Kenya");
        await journey.TabToAsync(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex(@"^Sold to") }));
        await page.Keyboard.TypeAsync("United States");
        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex(@"^Customs value") }));
        await page.Keyboard.TypeAsync("2000");
        await journey.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show duties", Exact = true }));
        await journey.PressAsync("Enter", new Regex(@"/en/markets\?.*destination=USA"));

        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Found from your words “roasted coffee”.");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("09012100");
        await Expect(main).ToContainTextAsync("Free");

        var compare = page.GetByRole(AriaRole.Link, new() { Name = "Compare markets for this product", Exact = true });
        await journey.TabToAsync(compare);
        await journey.PressAsync("Enter", new Regex(@"/en/markets/compare\?product=090121&origin=KEN"));
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("European Union");
    }

    [Fact]
    public async Task TheFrenchPageSaysWhenAMarketHasNoData()
    {
        await using var journey = await Journey.StartAsync(site);
        await journey.GotoAsync("/fr/markets?product=090121&origin=UGA&destination=KEN&asOf=2026-11-22");

        await Expect(journey.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("G/MA/357");
    }
}
