using Trade4Msmes.Tests.Infrastructure;

namespace Trade4Msmes.Tests.Site;

public class SiteTests(AppFixture app)
{
    [Theory]
    [InlineData("en", "I run a business", "I make or study policy")]
    [InlineData("fr", "Je dirige une entreprise", "J'élabore ou j'étudie des politiques")]
    [InlineData("es", "Dirijo una empresa", "Elaboro o estudio políticas")]
    public async Task HomePageHasTwoDoorsInEachLanguage(string lang, string business, string policy)
    {
        var page = await app.CreateClient().GetDocumentAsync($"/{lang}/");

        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
        var doors = page.QuerySelectorAll(".door h2").Select(h => h.TextContent.Trim()).ToList();
        doors.ShouldBe([business, policy]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public async Task EveryLinkOnTheHomePageLeadsSomewhereReal(string lang)
    {
        var client = app.CreateClient();
        var page = await client.GetDocumentAsync($"/{lang}/");
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')).Distinct().ToList();

        links.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var href in links)
        {
            href.ShouldStartWith("/", customMessage: "links stay on the site");
            var linked = await client.GetDocumentAsync(href.Split('#')[0]);
            linked.QuerySelector("h1").ShouldNotBeNull($"{href} has a heading");
        }
    }

    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5", "/fr/")]
    [InlineData("es-419,es;q=0.9", "/es/")]
    [InlineData("de-DE", "/en/")]
    public async Task SiteRootSendsVisitorsToTheirLanguage(string acceptLanguage, string expected)
    {
        using var client = app.CreateClientWithoutRedirects();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Fact]
    public async Task UnsupportedLanguageIsNotFound() =>
        await app.CreateClient().GetDocumentAsync("/de/hs", HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/fr/hs/2022/9999", "fr", "Page introuvable")]
    [InlineData("/es/economies/ZZZ", "es", "Página no encontrada")]
    public async Task NotFoundPageSpeaksThePageLanguage(string url, string lang, string heading)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, HttpStatusCode.NotFound);

        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
    }

    [Fact]
    public async Task PagesSendAStrictContentSecurityPolicy()
    {
        using var response = await app.CreateClient().GetAsync("/en/", TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Fact]
    public async Task PagesAreCompressed()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/economies");
        request.Headers.Add("Accept-Encoding", "br");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Content.Headers.ContentEncoding.ShouldContain("br");
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheStableEndpoints()
    {
        var document = await app.CreateClient().GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/hs/{code}");
        paths.ShouldContain("/api/v1/economies/{iso3}");
        paths.ShouldContain("/api/v1/agreements");
    }

    [Fact]
    public async Task HealthSaysTheDatabaseAnswers()
    {
        using var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }
}
