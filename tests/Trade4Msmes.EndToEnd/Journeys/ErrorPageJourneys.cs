using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class ErrorPageJourneys(Site site)
{
    [Fact]
    public async Task UnknownCodeShowsAnAccessibleNotFoundPage()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;

        await journey.GotoAsync("/en/hs/2022/9999", expectedStatus: 404);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the home page" })).ToHaveAttributeAsync("href", "/en/");
    }

    [Fact]
    public async Task MalformedCodeShowsAnAccessibleBadRequestPage()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;

        await journey.GotoAsync("/en/hs/2022/abc", expectedStatus: 400);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This request is not valid");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("abc");
    }
}
