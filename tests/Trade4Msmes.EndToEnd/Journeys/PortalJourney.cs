using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

// The portal as its readers meet it: a new exporter on a phone, the Trade Game, the forms, and every page type in
// each language (GotoAsync, FollowAsync and PressAsync check axe-core and the weight budget on each page).
public class PortalJourney(Site site)
{
    // On a 375-pixel screen nothing may be wider than the screen: no sideways scrolling (or zooming out) to read a
    // guide. A phone lays a too-wide page out wider than its screen, so the page is measured against 375 itself.
    static async Task FitsTheScreenAsync(IPage page) =>
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, $"{page.Url} fits a 375-px screen");

    [Fact]
    public async Task ANewExporterOnAPhoneFollowsTheRoadmapFromStartToFinish()
    {
        await using var journey = await Journey.StartAsync(site, phoneWidth: 375);
        var page = journey.Page;
        await journey.GotoAsync("/en/");
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Trade roadmap: your first sale") }), new Regex("/en/roadmap$"));
        await FitsTheScreenAsync(page);
        var stops = page.Locator("ol.roadmap > li");
        var count = await stops.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(10);

        await journey.FollowAsync(stops.First.GetByRole(AriaRole.Link), new Regex("/en/roadmap/ready-to-trade"));
        await journey.FollowAsync(page.Locator(".tools").GetByRole(AriaRole.Link, new() { Name = "Self-assessment" }), new Regex("/en/assessments/export-readiness$"));
        // Everyone answers the first choice of every question, by keyboard: the focus moves into each radio group.
        var groups = page.Locator("form.questionnaire fieldset");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            await groups.Nth(i).Locator("input[type=radio]").First.CheckAsync();
        }
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "See my score" }), new Regex("/en/assessments/export-readiness\\?.*done=1"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your score: \\d+ out of 100$") })).ToBeVisibleAsync();
        await Expect(page.Locator("ol.feedback > li")).ToHaveCountAsync(await groups.CountAsync());
        await FitsTheScreenAsync(page);

        await journey.GotoAsync("/en/roadmap/ready-to-trade?track=goods");
        for (var stop = 1; stop < count; stop++)
        {
            await Expect(page.Locator(".breadcrumb")).ToContainTextAsync($"Stop {stop} of {count}");
            await FitsTheScreenAsync(page);
            await journey.FollowAsync(page.Locator("a[rel=next]"), new Regex("/en/roadmap/[a-z-]+\\?track=goods$"));
        }
        await Expect(page.Locator(".breadcrumb")).ToContainTextAsync($"Stop {count} of {count}");
        await Expect(page.Locator("a[rel=next]")).ToHaveCountAsync(0);

        // The classification stop hands over to the HS finder.
        await journey.GotoAsync("/en/roadmap/classifying-your-product");
        await journey.FollowAsync(page.Locator(".tools").GetByRole(AriaRole.Link, new() { Name = "Find your product's HS code" }), new Regex("/en/products/find$"));
    }

    [Fact]
    public async Task TheTradeGameIsPlayedToTheEndAndGivesAShareableResult()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/fr/game");
        var situations = 0;
        while (await page.Locator("form.questionnaire").CountAsync() > 0)
        {
            situations++;
            await page.Locator("input[type=radio][name=a]").Last.CheckAsync();
            await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Choisir" }), new Regex("/fr/game\\?"));
            await Expect(page.Locator("#verdict, #result")).ToHaveCountAsync(1);
        }
        situations.ShouldBeGreaterThanOrEqualTo(8);
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("sur 100") })).ToBeVisibleAsync();
        var share = await page.Locator("input.share").InputValueAsync();
        await journey.GotoAsync(new Uri(share).PathAndQuery);
        await Expect(page.Locator("ol.feedback > li")).ToHaveCountAsync(situations);
    }

    [Fact]
    public async Task TheContactFormRejectsBadInputKeepingWhatWasTyped()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/es/library");
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sugerir un recurso|^Sugiera un recurso") }), new Regex("/es/contact\\?about=resource$"));
        await Expect(page.GetByRole(AriaRole.Radio).Last).ToBeCheckedAsync();
        await page.Locator("#name").FillAsync("Lucía");
        await page.Locator("#email").FillAsync("lucía sin arroba");
        await page.Locator("#subject").FillAsync("Guía de exportación");
        await page.Locator("#text").FillAsync("Una guía muy útil.");
        await journey.FollowAsync(page.Locator("form.stack button[type=submit]"), new Regex("/es/contact$"));

        await Expect(page.Locator("#problems li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#text")).ToHaveValueAsync("Una guía muy útil.");
        await page.Locator("#email").FillAsync("lucia@example.org");
        await page.Locator("#url").FillAsync("https://www.example.org/guia");
        await journey.FollowAsync(page.Locator("form.stack button[type=submit]"), new Regex("/es/contact\\?sent=1$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task EveryPortalPageTypeIsAccessibleInEachLanguage(string lang)
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        foreach (var path in new[]
        {
            "roadmap", "roadmap?track=services", "roadmap/rules-and-standards?track=services", "roadmap/duties-and-taxes", "guides",
            "guides/good-regulatory-practice", "glossary", "library", "library?topic=finance&audience=business", "assessments/grp",
            "game", "game?a=0", "news", "news?kind=meeting", "news/2021-12-02-trade4msmes-launched", "tools/lei",
            "tools/lei?code=506700GE1G29325QX363", "contact", "about/translations",
        })
        {
            await journey.GotoAsync($"/{lang}/{path}");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        }
        await journey.GotoAsync($"/{lang}/assessments/grp?done=1", 400);
        await journey.GotoAsync($"/{lang}/tools/lei?code=12345", 400);
        await journey.GotoAsync($"/{lang}/library?topic=astrology", 400);
        await journey.GotoAsync($"/{lang}/roadmap/nowhere", 404);
    }

    // The editor's pages pass the same checks; the preview shows the page without publishing it.
    [Fact]
    public async Task AnEditorPreviewsACorrection()
    {
        var editor = await TestAccountsForBrowser.CreateEditorAsync(site);
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/es/account/sign-in");
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Correo") }).FillAsync(editor);
        await page.GetByLabel(new Regex("^Contraseña")).FillAsync("four random words here");
        await journey.PressAsync("Enter", new Regex("/es/account$"));
        await journey.GotoAsync("/es/glossary");
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Corregir esta página" }), new Regex("/es/admin/content/edit\\?collection=glossary"));
        await Expect(page.Locator("#text")).ToHaveValueAsync(new Regex("title: Glosario"));
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Vista previa" }), new Regex("/es/admin/content/edit"));
        await Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await journey.GotoAsync("/es/admin/content");
        await Expect(page.Locator("main table")).ToHaveCountAsync(5);
    }
}
