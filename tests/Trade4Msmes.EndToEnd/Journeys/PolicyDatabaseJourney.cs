using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

// The policy databases on the shipped entries only (this site has no fictional ones).
public class PolicyDatabaseJourney(Site site)
{
    [Fact]
    public async Task PolicymakerSearchesFromTheHomePageAndDownloadsTheEntriesAsCsv()
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/fr/");

        var policy = page.GetByRole(AriaRole.Region, new() { Name = "J'élabore ou j'étudie des politiques" });
        await journey.FollowAsync(policy.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("bases de données sur les politiques") }), new Regex("/fr/policy$"));
        await journey.TabToAsync(page.GetByRole(AriaRole.Searchbox, new() { Name = "Mots" }));
        await page.Keyboard.TypeAsync("gender");
        await journey.PressAsync("Enter", new Regex(@"/fr/policy\?q=gender"));

        var results = page.Locator("ol.results > li");
        await Expect(results).ToHaveCountAsync(2);
        await Expect(results.First.Locator("mark").First).ToHaveTextAsync(new Regex("gender", RegexOptions.IgnoreCase));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("key,database,economy,agreement,category,title,text");
        csv.ShouldContain("rta-110-trade-gender,rta,,110,cooperation,");
        csv.ShouldContain("/fr/policy/records/rta-135-chl-ury");

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Canada–Chile") }), new Regex("/fr/policy/records/rta-110-trade-gender$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Chili");
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Chili", Exact = true }), new Regex("/fr/economies/CHL$"));
    }

    // Every kind of policy page, in each language, passes axe-core and the weight budget (GotoAsync checks both).
    [Theory]
    [InlineData("en", "This database has no entries yet")]
    [InlineData("fr", "Cette base de données ne contient encore aucune entrée")]
    [InlineData("es", "Esta base de datos todavía no contiene ninguna entrada")]
    public async Task EveryPolicyPageIsAccessibleInEachLanguage(string lang, string empty)
    {
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync($"/{lang}/policy?database=tpr");
        await Expect(page.Locator("ol.results > li")).ToHaveCountAsync(7);
        await journey.GotoAsync($"/{lang}/policy?database=aeo");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(empty);
        await journey.GotoAsync($"/{lang}/policy/records/package-can-idb");
        await journey.GotoAsync($"/{lang}/policy/tracker");
        await Expect(page.Locator("main svg")).ToBeVisibleAsync();
        await journey.GotoAsync($"/{lang}/policy/tracker/2");
        await journey.GotoAsync($"/{lang}/policy?economy=XXX", 400);
    }

    // The agreement picker offers Chile's agreements only, and the draft links the one chosen.
    [Fact]
    public async Task AnOfficialOfAPartyDraftsAnRtaProvision()
    {
        var official = await TestAccountsForBrowser.CreateOfficialAsync(site, "CHL");
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/account/sign-in");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync(official);
        await page.GetByLabel(new Regex("^Password")).FillAsync("four random words here");
        await journey.PressAsync("Enter", new Regex("/en/account$"));
        await journey.GotoAsync("/en/submissions/new?kind=rta-provision&economy=CHL");

        var agreement = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Agreement") });
        await Expect(agreement.Locator("option[value='110']")).ToHaveCountAsync(1);
        await Expect(agreement.Locator("option[value='1134']")).ToHaveCountAsync(0);
        await journey.TabToAsync(agreement);
        await agreement.SelectOptionAsync("110");
        await page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Provision type") }).SelectOptionAsync("committee");
        await page.GetByLabel(new Regex("^Title")).FillAsync("Trade and gender committee");
        await page.GetByLabel(new Regex("^Text or summary")).FillAsync("The committee shares best practices of programmes for women-led SMEs.");
        await page.GetByLabel(new Regex("^Year the provision was signed")).FillAsync("2017");
        await page.GetByLabel(new Regex("^Source document")).FillAsync("Agreement to amend the Canada–Chile FTA (2017)");
        await page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Language of the text") }).SelectOptionAsync("en");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }), new Regex(@"/en/submissions/\d+\?done=saved$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Agreement 110 in the WTO RTA database" })).ToHaveAttributeAsync("href", "/en/agreements/110");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Committee or contact point");
    }
}
