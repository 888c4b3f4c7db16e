using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class PolicyJourney(Site site)
{
    [Fact]
    public async Task PolicymakerFollowsTheMsmeGroupToTheEuropeanUnionAndTheDataSources()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/es/");

        var policy = page.GetByRole(AriaRole.Region, new() { Name = "Elaboro o estudio políticas" });
        await journey.FollowAsync(policy.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Grupo de Trabajo Informal") }),
            new Regex(@"/es/economies\?msmeGroup=true$"));
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("103");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Unión Europea", Exact = true }), new Regex("/es/economies/EUN$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Reino Unido");

        await journey.FollowAsync(page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Fuentes de datos y licencias" }), new Regex("/es/about/data$"));
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("ODC PDDL 1.0");
    }

    [Fact]
    public async Task KeyboardUserGoesStraightToAKnownCode()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/fr/hs");

        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Code SH") }));
        await page.Keyboard.TypeAsync("0901.21");
        await journey.PressAsync("Enter", new Regex("/fr/hs/2022/090121$"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("0901.21");
        var counterparts = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("SH 2017") });
        await journey.FollowAsync(counterparts.GetByRole(AriaRole.Link, new() { Name = "0901.21", Exact = true }), new Regex("/fr/hs/2017/090121$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("SH 2017");
    }
}
