using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Tests.Portal;

// The portal's pages over HTTP, in the three languages: what a reader sees, where each link leads, and what bad
// input gets.
public class PortalPageTests(AppFixture app)
{
    static readonly ContentStore Store = ContentStore.LoadEmbedded();

    public static TheoryData<string> Langs => new("en", "fr", "es");

    static readonly string[] Pages = ["roadmap", "roadmap?track=services", "guides", "glossary", "library", "game", "news", "tools/lei", "contact", "about/translations"];

    static IEnumerable<string> PagesIn(string lang) =>
        Pages
            .Concat(Store.Collection("roadmap").Select(s => $"roadmap/{s.Slug}"))
            .Concat(Store.Collection("guides").Select(g => $"guides/{g.Slug}"))
            .Concat(Store.Collection("assessments").Where(a => a.Meta("kind") != "game").Select(a => $"assessments/{a.Slug}"))
            .Concat(Store.Collection("news").Select(n => $"news/{n.Slug}"))
            .Select(path => $"/{lang}/{path}");

    [Theory]
    [MemberData(nameof(Langs))]
    public async Task EveryPortalPageAnswersInItsLanguageAndEveryLinkOnItLeadsSomewhere(string lang)
    {
        var client = app.CreateClient();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in PagesIn(lang))
        {
            var page = await client.GetDocumentAsync(url);
            page.DocumentElement.GetAttribute("lang").ShouldBe(lang, url);
            page.QuerySelector("h1").ShouldNotBeNull(url);
            page.QuerySelectorAll(".notice[role=note]").ShouldBeEmpty($"{url} is translated");
            var links = page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0])
                .Where(href => href.StartsWith($"/{lang}/", StringComparison.Ordinal) && visited.Add(href)).ToList();
            foreach (var href in links)
            {
                using var response = await client.GetAsync(href, TestContext.Current.CancellationToken);
                response.IsSuccessStatusCode.ShouldBeTrue($"{href}, linked from {url}, answers {(int)response.StatusCode}");
            }
        }
        visited.Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task GuideLinksGoToTheToolsAndGlossaryInTheReadersLanguage()
    {
        var page = await app.CreateClient().GetDocumentAsync("/fr/roadmap/classifying-your-product");

        var hrefs = page.QuerySelectorAll("article a").Select(a => a.GetAttribute("href")).ToList();
        hrefs.ShouldContain("/fr/products/find");
        hrefs.ShouldContain(h => h!.StartsWith("/fr/glossary#", StringComparison.Ordinal));
        page.QuerySelectorAll(".tools a").Select(a => a.GetAttribute("href")).ShouldContain("/fr/products/find");
        page.QuerySelector(".footnotes").ShouldNotBeNull("facts are cited");
    }

    [Fact]
    public async Task TheRoadmapFollowsTheChosenTrack()
    {
        var client = app.CreateClient();
        var goods = (await client.GetDocumentAsync("/en/roadmap?track=goods")).QuerySelectorAll("ol.roadmap a").Select(a => a.GetAttribute("href")!).ToList();
        var services = (await client.GetDocumentAsync("/en/roadmap?track=services")).QuerySelectorAll("ol.roadmap a").Select(a => a.GetAttribute("href")!).ToList();

        goods.ShouldContain("/en/roadmap/classifying-your-product?track=goods");
        goods.ShouldNotContain(h => h.StartsWith("/en/roadmap/services-trade-basics", StringComparison.Ordinal));
        services.ShouldContain("/en/roadmap/services-trade-basics?track=services");
        services.ShouldNotContain(h => h.StartsWith("/en/roadmap/classifying-your-product", StringComparison.Ordinal));

        // A passage for goods is not shown to a services trader on a stop for both.
        var both = Store.Collection("roadmap").First(s => s.Meta("track") == "both" && s.English.Body.Contains("::: goods", StringComparison.Ordinal));
        var onGoods = await client.GetStringAsync($"/en/roadmap/{both.Slug}?track=goods", TestContext.Current.CancellationToken);
        var onServices = await client.GetStringAsync($"/en/roadmap/{both.Slug}?track=services", TestContext.Current.CancellationToken);
        onGoods.Length.ShouldNotBe(onServices.Length);

        // From the first stop to the last by "next" links, every stop of the track once.
        var next = goods[0];
        var followed = new List<string>();
        while (next is not null && followed.Count <= goods.Count)
        {
            followed.Add(next);
            var page = await client.GetDocumentAsync(next);
            page.QuerySelector(".breadcrumb")!.TextContent.ShouldContain($"Stop {followed.Count} of {goods.Count}");
            next = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        followed.ShouldBe(goods);
    }

    [Fact]
    public async Task AStopForOneTrackIsReadOnThatTrack()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/roadmap/classifying-your-product?track=services");

        page.QuerySelector(".breadcrumb")!.TextContent.ShouldContain("Goods");
    }

    [Theory]
    [InlineData("/fr/roadmap?track=boats", HttpStatusCode.BadRequest, "boats")]
    [InlineData("/fr/roadmap/duties-and-taxes?track=x", HttpStatusCode.BadRequest, "x")]
    [InlineData("/fr/roadmap/nowhere", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/es/guides/nowhere", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/en/assessments/nowhere", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/en/news/nowhere", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/en/news?kind=gossip", HttpStatusCode.BadRequest, "gossip")]
    public async Task BadAddressesAreNamed(string url, HttpStatusCode status, string named)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, status);

        page.QuerySelector("main")!.TextContent.ShouldContain(named);
    }

    [Fact]
    public async Task AnUntranslatedPageSaysSoAndShowsTheEnglish()
    {
        var store = new ContentStore(new Dictionary<string, string>
        {
            ["content/guides/01-only-english.en.md"] = "---\ntitle: Only in English\nsummary: Not translated yet.\ntopic: policy\n---\nSome text.\n",
        });
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(store)));

        var page = await factory.CreateClient().GetDocumentAsync("/fr/guides/only-english");

        page.QuerySelector(".notice[role=note]")!.TextContent.ShouldContain("traduite en français");
        page.QuerySelector("article")!.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Only in English");
        var report = await factory.CreateClient().GetDocumentAsync("/fr/about/translations");
        report.QuerySelector("main")!.TextContent.ShouldContain("only-english");
    }

    [Fact]
    public async Task TheGlossaryHasAnEntryForEveryTermAGuideLinks()
    {
        var page = await app.CreateClient().GetDocumentAsync("/es/glossary");

        var ids = page.QuerySelectorAll("article h2[id]").Select(h => h.Id).ToList();
        ids.Count.ShouldBeGreaterThanOrEqualTo(60);
        ids.ShouldContain("lei");
        page.QuerySelectorAll("nav.terms a").Length.ShouldBe(ids.Count);
    }
}
