using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;

namespace Trade4Msmes.Tests.Nomenclature;

public class HsTests(AppFixture app)
{
    [Fact]
    public async Task ListsTheTwentyOneSectionsWithTheirChapters()
    {
        var sections = await app.CreateClient().GetJsonAsync("/api/v1/hs/sections");

        sections.GetArrayLength().ShouldBe(21);
        sections[0].GetProperty("number").GetString().ShouldBe("I");
        sections[0].GetProperty("title").GetString().ShouldBe("Live animals; animal products");
        sections[0].GetProperty("firstChapter").GetString().ShouldBe("01");
        sections[20].GetProperty("lastChapter").GetString().ShouldBe("97");
    }

    [Fact]
    public async Task HeadingShowsItsPathAndSubheadings()
    {
        var heading = await app.CreateClient().GetJsonAsync("/api/v1/hs/0901");

        heading.GetProperty("level").GetString().ShouldBe("heading");
        heading.GetProperty("description").GetString()!.ShouldContain("Coffee");
        heading.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ShouldBe(["II", "09"]);
        heading.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString())
            .ShouldBe(["090111", "090112", "090121", "090122", "090190"]);
    }

    [Fact]
    public async Task SubheadingShowsItsHs2017Counterparts()
    {
        var roasted = await app.CreateClient().GetJsonAsync("/api/v1/hs/090121");

        roasted.GetProperty("correlatedEdition").GetInt32().ShouldBe(2017);
        var counterpart = roasted.GetProperty("correlations").EnumerateArray().Single();
        counterpart.GetProperty("code").GetString().ShouldBe("090121");
        counterpart.GetProperty("relationship").GetString().ShouldBe("1:1");
    }

    [Fact]
    public async Task Hs2017SubheadingShowsWhereItWentIn2022()
    {
        // HS 2022 moved spent batteries (8548.10 in HS 2017) into the new e-waste heading 85.49.
        var batteries = await app.CreateClient().GetJsonAsync("/api/v1/hs/854810?edition=2017");

        batteries.GetProperty("correlatedEdition").GetInt32().ShouldBe(2022);
        var codes = batteries.GetProperty("correlations").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("854911");
        batteries.GetProperty("correlationCount").GetInt32().ShouldBe(codes.Count);
    }

    [Fact]
    public async Task SubheadingPageLinksBothEditions()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/hs/2022/090121");

        page.QuerySelector("h1")!.TextContent.ShouldContain("0901.21");
        page.QuerySelectorAll("a[href='/en/hs/2017/090121']").Length.ShouldBe(1);
        page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/en/hs/2022", "/en/hs/2022/sections/II", "/en/hs/2022/09", "/en/hs/2022/0901"]);
    }

    [Fact]
    public async Task DottedCodeInTheAddressRedirectsToTheCanonicalPage()
    {
        using var client = app.CreateClientWithoutRedirects();

        using var response = await client.GetAsync("/en/hs/2022/0901.21", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe("/en/hs/2022/090121");
    }

    [Theory]
    [InlineData("/api/v1/hs/abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/hs/09012", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/hs/0901?edition=2012", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/hs/0901?edition=latest", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/hs/77", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/hs/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/hs/sections/XXII", HttpStatusCode.NotFound)]
    public async Task BadCodesGetAProblemNotAStackTrace(string url, HttpStatusCode expected)
    {
        var problem = await app.CreateClient().GetProblemAsync(url, expected);

        problem.ToString().ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("/en/hs/2022/abc", HttpStatusCode.BadRequest, "“abc” is not an HS code")]
    [InlineData("/en/hs/2022/9999", HttpStatusCode.NotFound, "There is no code 9999 in HS 2022.")]
    [InlineData("/en/hs/2012", HttpStatusCode.NotFound, "Page not found")]
    public async Task BadCodesInPagesGetAClearErrorPage(string url, HttpStatusCode expected, string message)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, expected);

        page.QuerySelector("main")!.TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task CodeLookupGoesStraightToTheCode()
    {
        using var client = app.CreateClientWithoutRedirects();

        using var response = await client.GetAsync("/fr/hs/lookup?code=0901.21", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/fr/hs/2022/090121");
    }

    [Fact]
    public async Task CodeLookupExplainsAMistypedCodeAndKeepsWhatWasTyped()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/hs/lookup?code=09x1", HttpStatusCode.BadRequest);

        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("“09x1” is not an HS code");
        page.QuerySelector("input[name=code]")!.GetAttribute("value").ShouldBe("09x1");
    }
}
