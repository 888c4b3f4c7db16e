using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Tests.Portal;

// The library search, the LEI checker, the self-assessments and the Trade Game: pages and API, good and bad input.
public class ToolPageTests(AppFixture app)
{
    static readonly ContentStore Store = ContentStore.LoadEmbedded();

    static int Best(Question q) => q.Answers.Select((a, i) => (a.Points, i)).Max().i;

    static int Worst(Question q) => q.Answers.Select((a, i) => (a.Points, i)).Min().i;

    [Fact]
    public async Task TheLibraryFiltersByTopicAndCountsEachFacetWithTheOthersApplied()
    {
        var client = app.CreateClient();
        var all = await client.GetJsonAsync("/api/v1/library");
        var finance = await client.GetJsonAsync("/api/v1/library?topic=finance&lang=fr");

        var total = all.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(60);
        var records = finance.GetProperty("results").EnumerateArray().ToList();
        records.Count.ShouldBe(finance.GetProperty("total").GetInt32());
        records.ShouldAllBe(r => r.GetProperty("topics").EnumerateArray().Any(t => t.GetString() == "finance"));
        records.ShouldAllBe(r => r.GetProperty("translated").GetBoolean());
        // The topic facet ignores the topic filter, so it still offers the others; the type facet obeys it.
        var topicFacet = finance.GetProperty("facets").GetProperty("topic").EnumerateArray().ToList();
        topicFacet.Count.ShouldBeGreaterThan(1);
        topicFacet.Single(f => f.GetProperty("value").GetString() == "finance").GetProperty("count").GetInt32().ShouldBe(records.Count);
        finance.GetProperty("facets").GetProperty("type").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()).ShouldBe(records.Count);
    }

    [Fact]
    public async Task LibraryWordsFindRecordsInTheReadersLanguageAndInEnglish()
    {
        var client = app.CreateClient();

        var french = await client.GetJsonAsync("/api/v1/library?q=douane&lang=fr");
        var english = await client.GetJsonAsync("/api/v1/library?q=customs&lang=fr");
        var nothing = await client.GetJsonAsync("/api/v1/library?q=zzzqqq");

        french.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        english.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        nothing.GetProperty("total").GetInt32().ShouldBe(0);
        var page = await client.GetDocumentAsync("/en/library?q=zzzqqq");
        page.QuerySelector("main")!.TextContent.ShouldContain("No resource matches");
    }

    [Theory]
    [InlineData("topic=astrology", "astrology")]
    [InlineData("audience=aliens", "aliens")]
    [InlineData("type=poster", "poster")]
    [InlineData("available=french", "french")]
    [InlineData("region=Atlantis", "Atlantis")]
    public async Task BadLibraryFiltersAreNamed(string query, string named)
    {
        var client = app.CreateClient();

        var problem = await client.GetProblemAsync($"/api/v1/library?{query}", HttpStatusCode.BadRequest);
        var page = await client.GetDocumentAsync($"/fr/library?{query}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain(named);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain(named);
    }

    [Fact]
    public async Task ALongLibraryQueryIsRefused()
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/library?q={new string('a', 201)}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("200");
    }

    [Fact]
    public async Task TheLeiCheckerAnswersOnThePageAndInTheApi()
    {
        var client = app.CreateClient();

        var valid = await client.GetJsonAsync("/api/v1/lei/506700ge1g29325qx363");
        var invalid = await client.GetJsonAsync("/api/v1/lei/506700GE1G29325QX364?lang=es");
        var good = await client.GetDocumentAsync("/fr/tools/lei?code=506700GE1G29325QX363");
        var bad = await client.GetDocumentAsync("/fr/tools/lei?code=506700GE1G29325QX36", HttpStatusCode.BadRequest);

        valid.GetProperty("valid").GetBoolean().ShouldBeTrue();
        valid.GetProperty("code").GetString().ShouldBe("506700GE1G29325QX363");
        valid.GetProperty("problem").ValueKind.ShouldBe(JsonValueKind.Null);
        invalid.GetProperty("valid").GetBoolean().ShouldBeFalse();
        invalid.GetProperty("problem").GetString().ShouldNotBe("The check digits do not match the rest of the code: a character is probably mistyped.", "answered in Spanish");
        good.QuerySelector("[role=status]")!.TextContent.ShouldContain("506700GE1G29325QX363");
        bad.QuerySelector("input[name=code]")!.GetAttribute("value").ShouldBe("506700GE1G29325QX36", "what was typed is kept");
        bad.QuerySelector("[role=status]")!.ClassName.ShouldBe("problems");
        await client.GetProblemAsync("/api/v1/lei/X?lang=de", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ASelfAssessmentScoresAndExplainsEveryAnswer()
    {
        var quiz = Questionnaire.Parse(Store.Find("assessments", "export-readiness")!.In("fr"));
        var best = string.Join("&", quiz.Questions.Select(q => $"{q.Id}={Best(q)}"));
        var worst = string.Join("&", quiz.Questions.Select(q => $"{q.Id}={Worst(q)}"));
        var client = app.CreateClient();

        var top = await client.GetDocumentAsync($"/fr/assessments/export-readiness?{best}&done=1");
        var bottom = await client.GetDocumentAsync($"/fr/assessments/export-readiness?{worst}&done=1");

        top.QuerySelector("#result")!.TextContent.ShouldContain("100");
        bottom.QuerySelector("#result")!.TextContent.ShouldContain(" 0 ");
        top.QuerySelectorAll("ol.feedback > li").Length.ShouldBe(quiz.Questions.Count);
        bottom.QuerySelector(".result")!.TextContent.ShouldContain(quiz.Band(0)!.Markdown.Replace("*", "", StringComparison.Ordinal)[..20]);
    }

    [Fact]
    public async Task AnIncompleteSelfAssessmentNamesWhatIsMissingAndKeepsTheAnswers()
    {
        var quiz = Questionnaire.Parse(Store.Find("assessments", "ecommerce-readiness")!.English);
        var first = quiz.Questions[0];

        var page = await app.CreateClient().GetDocumentAsync($"/en/assessments/ecommerce-readiness?{first.Id}=1&done=1", HttpStatusCode.BadRequest);

        page.QuerySelectorAll("#problems li").Length.ShouldBe(quiz.Questions.Count - 1);
        page.QuerySelector($"input[name={first.Id}][value='1']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#result").ShouldBeNull();
        await app.CreateClient().GetDocumentAsync($"/en/assessments/ecommerce-readiness?{first.Id}=99", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheGameIsPlayedToTheEndAndItsResultCanBeShared()
    {
        var game = Questionnaire.Parse(Store.Find("assessments", "trade-game")!.In("es"));
        var client = app.CreateClient();
        var chosen = new List<int>();
        var page = await client.GetDocumentAsync("/es/game");

        foreach (var situation in game.Questions)
        {
            page.QuerySelector("legend")!.TextContent.ShouldContain(situation.Text);
            var best = Best(situation);
            var form = page.QuerySelector("form.questionnaire")!;
            var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}");
            chosen.Add(best);
            page = await client.GetDocumentAsync($"/es/game?{string.Join("&", fields)}&a={best}");
            page.QuerySelector("#verdict, #result").ShouldNotBeNull();
        }

        page.QuerySelector("#result")!.TextContent.ShouldContain("100");
        var share = page.QuerySelector("input.share")!.GetAttribute("value")!;
        share.ShouldEndWith("/es/game?" + string.Join("&", chosen.Select(c => $"a={c}")));
        (await client.GetDocumentAsync(new Uri(share).PathAndQuery)).QuerySelector("#result")!.TextContent.ShouldContain("100");
    }

    [Theory]
    [InlineData("/en/game?a=7")]
    [InlineData("/en/game?a=x")]
    [InlineData("/en/game?a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0&a=0")]
    public async Task AGameAddressThatCannotBeSaysSo(string url) =>
        await app.CreateClient().GetDocumentAsync(url, HttpStatusCode.BadRequest);

    [Fact]
    public async Task AGameStepSentWithoutAChoiceIsShownAgain()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/game?a=0&step=2", HttpStatusCode.BadRequest);

        page.QuerySelector("#missing")!.TextContent.ShouldBe("Choose one answer.");
        page.QuerySelectorAll("input[type=hidden][name=a]").Length.ShouldBe(1);
    }
}
