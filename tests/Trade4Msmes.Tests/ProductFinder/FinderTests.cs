using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Tests.ProductFinder;

public class FinderTests(AppFixture app)
{
    static List<string> Codes(JsonElement answer) =>
        answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();

    static Task<JsonElement> SearchAsync(HttpClient client, string q, string lang = "en", int limit = 5) =>
        client.GetJsonAsync($"/api/v1/hs/search?q={Uri.EscapeDataString(q)}&lang={lang}&limit={limit}");

    [Fact]
    public async Task AnswersWithRankedSubheadingsAndTheirPath()
    {
        var answer = await SearchAsync(app.CreateClient(), "roasted coffee beans");

        var results = answer.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBeInRange(1, 5);
        results[0].GetProperty("code").GetString().ShouldBe("090121");
        results.ShouldAllBe(r => r.GetProperty("code").GetString()!.Length == 6);
        results.Select(r => r.GetProperty("score").GetDouble()).ShouldBeInOrder(SortDirection.Descending);
        results[0].GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ShouldBe(["II", "09", "0901"]);
        results[0].GetProperty("matchedWords").EnumerateArray().Select(w => w.GetString()).ShouldContain("roasted");
    }

    [Theory]
    [InlineData("coffee not roasted", "090111")]
    [InlineData("unroasted coffee", "090111")]
    [InlineData("decaffeinated roasted coffee", "090122")]
    [InlineData("HS code for roasted coffee", "090121")]
    public async Task NegatedWordsInTheNomenclatureAreRespected(string q, string expected) =>
        Codes(await SearchAsync(app.CreateClient(), q))[0].ShouldBe(expected);

    [Theory]
    [InlineData("Tariff classification of certain wooden salad bowls", "certain wooden salad bowls")]
    [InlineData("Affirmation of NY N000001; Classification of canvas tote bags", "canvas tote bags")]
    [InlineData("Eligibility for duty-free treatment under the Nairobi Protocol concerning a reading magnifier", "a reading magnifier")]
    [InlineData("Country of origin marking of cotton t-shirts", "cotton t-shirts")]
    [InlineData("Classification of cotton shirts; knitted", "cotton shirts; knitted")]
    [InlineData("Subheading 0000.00.00, HTSUS; reading glasses", "reading glasses")]
    [InlineData("Coffee; roasted", "Coffee; roasted")]
    [InlineData("cheese of all kinds", "cheese of all kinds")]
    public void RulingWordingAroundTheProductIsLeftOut(string description, string product) =>
        HsFinderIndex.ProductIn(description).ShouldBe(product);

    [Theory]
    [InlineData("jewelery of silver", "7113")]
    [InlineData("rosted cofee", "0901")]
    [InlineData("cotton tshirts", "6109")]
    [InlineData("T-SHIRTS, COTTON", "6109")]
    public async Task TyposPluralsAndSpellingsDoNotBreakIt(string q, string heading) =>
        Codes(await SearchAsync(app.CreateClient(), q)).ShouldContain(c => c.StartsWith(heading, StringComparison.Ordinal));

    [Theory]
    [InlineData("sacs à main en cuir", "fr", "420221")]
    [InlineData("cafe torrefie", "fr", "090121")]
    [InlineData("camisetas de algodón", "es", "610910")]
    [InlineData("granos de café tostado", "es", "090121")]
    public async Task FrenchAndSpanishDescriptionsFindTheirCode(string q, string lang, string expected) =>
        Codes(await SearchAsync(app.CreateClient(), q, lang)).Take(3).ShouldContain(expected);

    [Fact]
    public async Task VagueDescriptionGetsAQuestionWithOptions()
    {
        var answer = await SearchAsync(app.CreateClient(), "coffee");

        var clarification = answer.GetProperty("clarification");
        clarification.ValueKind.ShouldBe(JsonValueKind.Object);
        clarification.GetProperty("question").GetString().ShouldNotBeNullOrWhiteSpace();
        var options = clarification.GetProperty("options").EnumerateArray().ToList();
        options.Count.ShouldBeGreaterThanOrEqualTo(2);
        options.Select(o => o.GetProperty("code").GetString()).Distinct().Count().ShouldBe(options.Count);
        // The options name what tells them apart, not the words they share.
        options.Select(o => o.GetProperty("label").GetString()).ShouldContain("roasted, not decaffeinated");
        options.ShouldAllBe(o => !o.GetProperty("label").GetString()!.StartsWith("Coffee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnsweringTheQuestionRefinesTheRanking()
    {
        var client = app.CreateClient();
        var first = await SearchAsync(client, "coffee");
        var option = first.GetProperty("clarification").GetProperty("options").EnumerateArray()
            .First(o => o.GetProperty("code").GetString() != Codes(first)[0]);

        var refined = await SearchAsync(client, option.GetProperty("query").GetString()!);

        Codes(refined)[0].ShouldBe(option.GetProperty("code").GetString());
    }

    [Fact]
    public async Task DescriptionOnHmrcsVagueListIsFlaggedAsVague()
    {
        var answer = await SearchAsync(app.CreateClient(), "10.00, boys");

        answer.GetProperty("clarification").GetProperty("reason").GetString().ShouldBe("vague");
    }

    [Fact]
    public async Task ClearDescriptionIsNotQuestioned()
    {
        var answer = await SearchAsync(app.CreateClient(), "green tea in packets not exceeding 3 kg");

        answer.GetProperty("clarification").ValueKind.ShouldBe(JsonValueKind.Null);
        Codes(answer)[0].ShouldBe("090210");
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("'; DROP TABLE hs_codes; --")]
    [InlineData("1' OR '1'='1'; SELECT * FROM hs_codes")]
    [InlineData("\u0001\u0002\u0003")]
    [InlineData("zzzzqqqq")]
    public async Task NonsenseGetsAnEmptyAnswerWithAMessageNotAnError(string q)
    {
        var answer = await SearchAsync(app.CreateClient(), q);

        answer.GetProperty("clarification").GetProperty("question").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("/api/v1/hs/search")]
    [InlineData("/api/v1/hs/search?q=")]
    [InlineData("/api/v1/hs/search?q=coffee&limit=0")]
    [InlineData("/api/v1/hs/search?q=coffee&limit=1000")]
    [InlineData("/api/v1/hs/search?q=coffee&lang=de")]
    public async Task BadRequestsGetAProblem(string url) =>
        await app.CreateClient().GetProblemAsync(url, HttpStatusCode.BadRequest);

    [Fact]
    public async Task VeryLongDescriptionIsRefused()
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/hs/search?q={new string('a', 5000)}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("200");
    }

    [Fact]
    public async Task FinderPageListsCodesWithLinks()
    {
        var page = await app.CreateClient().GetDocumentAsync("/en/products/find?q=roasted+coffee+beans");

        page.QuerySelector("ol.results a[href='/en/hs/2022/090121']").ShouldNotBeNull();
        page.QuerySelector("main input[name=q]")!.GetAttribute("value").ShouldBe("roasted coffee beans");
    }

    [Fact]
    public async Task EveryPageHasTheSearchBox()
    {
        var page = await app.CreateClient().GetDocumentAsync("/fr/economies/KEN");

        page.QuerySelector("header form[role=search][action='/fr/products/find'] input[name=q]").ShouldNotBeNull();
    }
}
