using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class EconomyJourney(Site site)
{
    [Fact]
    public async Task VisitorFindsKenyaAndItsTradeAgreements()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/");

        var mainNavigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await journey.FollowAsync(mainNavigation.GetByRole(AriaRole.Link, new() { Name = "Economies", Exact = true }), new Regex("/en/economies$"));

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Kenya", Exact = true }), new Regex("/en/economies/KEN$"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kenya");
        var agreements = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("trade agreements", RegexOptions.IgnoreCase) });
        await Expect(agreements).ToBeVisibleAsync();
        await Expect(agreements.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("United Kingdom - Kenya") })).ToBeVisibleAsync();
    }
}
