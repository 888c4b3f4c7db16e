using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class AgreementJourney(Site site)
{
    [Fact]
    public async Task KeyboardUserFiltersAgreementsByPartyAndOpensOne()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/agreements");

        // Typing a name into a focused list picks the matching economy, as it would in a text field.
        await journey.TabToAsync(page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Party") }));
        await page.Keyboard.TypeAsync("Kenya");
        await journey.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show agreements", Exact = true }));
        await journey.PressAsync("Enter", new Regex(@"/en/agreements\?(.*&)?party=KEN(&|$)"));

        var agreement = page.GetByRole(AriaRole.Link, new() { Name = "United Kingdom - Kenya", Exact = true });
        await journey.TabToAsync(agreement);
        await journey.PressAsync("Enter", new Regex("/en/agreements/1134$"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("United Kingdom - Kenya");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Kenya");
    }
}
