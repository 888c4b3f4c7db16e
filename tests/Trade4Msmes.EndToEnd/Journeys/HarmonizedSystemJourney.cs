using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class HarmonizedSystemJourney(Site site)
{
    [Fact]
    public async Task BusinessFindsCoffeeAndItsHs2017Counterpart()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/");

        var business = page.GetByRole(AriaRole.Region, new() { Name = "I run a business" });
        await journey.FollowAsync(business.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Harmonized System") }), new Regex("/en/hs(/2022)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Harmonized System 2022");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Section II", Exact = true }), new Regex("/en/hs/2022/sections/II$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Vegetable products");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Chapter 09", Exact = true }), new Regex("/en/hs/2022/09$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("09");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "0901", Exact = true }), new Regex("/en/hs/2022/0901$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("0901");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "0901.21", Exact = true }), new Regex("/en/hs/2022/090121$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("0901.21");

        var counterparts = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("HS 2017") });
        await Expect(counterparts).ToBeVisibleAsync();
        await Expect(counterparts.GetByRole(AriaRole.Link, new() { Name = "0901.21", Exact = true })).ToHaveAttributeAsync("href", "/en/hs/2017/090121");
    }
}
