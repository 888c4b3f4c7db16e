using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class FinderJourney(Site site)
{
    [Fact]
    public async Task BusinessDescribesItsProductAndOpensTheCode()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/economies");

        await journey.TabToAsync(page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a product's HS code" }));
        await page.Keyboard.TypeAsync("roasted coffee beans");
        await journey.PressAsync("Enter", new Regex(@"/en/products/find\?q=roasted\+coffee\+beans$"));

        var best = page.GetByRole(AriaRole.List).Filter(new() { HasText = "Coffee; roasted" }).GetByRole(AriaRole.Link, new() { Name = "0901.21" });
        await journey.FollowAsync(best, new Regex("/en/hs/2022/090121$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("0901.21");
    }

    [Fact]
    public async Task VagueDescriptionIsAnsweredWithAQuestionTheKeyboardCanAnswer()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/products/find?q=coffee");

        var question = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("several subheadings") });
        await Expect(question).ToBeVisibleAsync();
        var unroasted = question.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("not roasted or decaffeinated") });
        await journey.TabToAsync(question.GetByRole(AriaRole.Radio).First);
        await unroasted.CheckAsync();
        await Expect(unroasted).ToBeCheckedAsync();
        await journey.TabToAsync(question.GetByRole(AriaRole.Button, new() { Name = "Refine" }));
        await journey.PressAsync("Enter", new Regex(@"/en/products/find\?q=coffee\+"));

        await Expect(page.Locator("ol.results > li").First).ToContainTextAsync("0901.11");
    }
}
