using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class HomePageJourneys(Site site)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task HomePageSpeaksItsLanguageAndOffersTheOthers(string lang)
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;

        await journey.GotoAsync($"/{lang}/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true })).ToHaveAttributeAsync("href", "/en/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Français", Exact = true })).ToHaveAttributeAsync("href", "/fr/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Español", Exact = true })).ToHaveAttributeAsync("href", "/es/");
    }

    [Fact]
    public async Task EnglishHomePageOpensADoorForBusinessesAndOneForPolicymakers()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;

        await journey.GotoAsync("/en/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I run a business", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I make or study policy", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageSwitchLeadsToTheFrenchAndSpanishHomePages()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Français", Exact = true }), new Regex("/fr/$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Español", Exact = true }), new Regex("/es/$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
    }
}
