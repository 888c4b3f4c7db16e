using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Tests.Portal;

// The engine on small made-up files, so each rule is seen failing and passing.
public class ContentEngineTests
{
    static ContentStore StoreOf(params (string Path, string Text)[] files) =>
        new(files.ToDictionary(f => "content/" + f.Path, f => f.Text));

    static readonly ContentStore Store = StoreOf(
        ("roadmap/01-first.en.md", "---\ntitle: First\nsummary: One\ntrack: both\ntopic: readiness\n---\nSee [duties](stop:second), [the finder](tool:hs-finder) and [HS](glossary:hs).\n\n::: goods\nGoods only.\n:::\n\n::: services\nServices only.\n:::\n"),
        ("roadmap/01-first.fr.md", "---\ntitle: Premier\nsummary: Un\n---\nVoir [droits](stop:second).\n"),
        ("roadmap/02-second.en.md", "---\ntitle: Second\nsummary: Two\ntrack: goods\n---\n[Nowhere](stop:nowhere) and [unknown](toolz:x) and [web](https://www.wto.org/).\n"),
        ("roadmap/03-orphan.es.md", "---\ntitle: Huérfano\n---\nSin inglés.\n"),
        ("glossary/glossary.en.md", "---\ntitle: Glossary\n---\n## Harmonized System (HS) {#hs}\nThe nomenclature.\n\n## Most-favoured nation {#mfn}\nThe normal rate.\n"),
        ("glossary/glossary.fr.md", "---\ntitle: Glossaire\n---\n## Système harmonisé (SH) {#hs}\nLa nomenclature.\n"));

    [Fact]
    public void FilesAreReadWithTheirOrderSlugLanguageAndFrontMatter()
    {
        var file = ContentFile.Parse("content/roadmap/03-classifying-your-product.fr.md", "---\ntitle: Classer\ntools: hs-finder, hs-browse\n---\nCorps\n");

        (file.Collection, file.Slug, file.Lang, file.Order, file.Title, file.Body).ShouldBe(("roadmap", "classifying-your-product", "fr", 3, "Classer", "Corps\n"));
        file.List("tools").ShouldBe(["hs-finder", "hs-browse"]);
        ContentFile.Parse("content/news/2021-12-02-launch.en.md", "x").Slug.ShouldBe("2021-12-02-launch");
    }

    [Fact]
    public void AMissingTranslationFallsBackToEnglishAndIsReported()
    {
        var second = Store.Find("roadmap", "second")!;

        second.IsTranslated("fr").ShouldBeFalse();
        second.In("fr").Title.ShouldBe("Second");
        Store.Find("roadmap", "first")!.In("fr").Title.ShouldBe("Premier");
        Store.Untranslatable.ShouldBe(["roadmap/orphan"]);
        Store.Collection("roadmap").Select(e => e.Slug).ShouldBe(["first", "second"]);
    }

    [Fact]
    public void PlatformAddressesBecomeAddressesInTheReadersLanguage()
    {
        var markdown = new ContentMarkdown(Store, new Glossary(Store));

        var html = markdown.ToHtml(Store.Find("roadmap", "first")!.English.Body, "es", track: "goods");

        html.ShouldContain("href=\"/es/roadmap/second\"");
        html.ShouldContain("href=\"/es/products/find\"");
        html.ShouldContain("href=\"/es/glossary#hs\" class=\"term\"");
        html.ShouldContain("Goods only.");
        html.ShouldNotContain("Services only.");
        markdown.ToHtml(Store.Find("roadmap", "first")!.English.Body, "en", track: null).ShouldContain("Services only.");
    }

    [Fact]
    public void LinksThatLeadNowhereAreFound()
    {
        var markdown = new ContentMarkdown(Store, new Glossary(Store));

        markdown.BrokenLinks(Store.Find("roadmap", "second")!.English.Body).ShouldBe(["stop:nowhere", "toolz:x"]);
        markdown.BrokenLinks("[a](glossary:mfn) [b](glossary:nope)").ShouldBe(["glossary:nope"]);
    }

    [Fact]
    public void RawHtmlInContentIsShownAsText()
    {
        var markdown = new ContentMarkdown(Store, new Glossary(Store));

        markdown.ToHtml("Hello <script>alert(1)</script>", "en").ShouldNotContain("<script>");
    }

    [Fact]
    public void TheReportListsPagesAndGlossaryTermsWithoutTranslation()
    {
        var glossary = new Glossary(Store);
        var report = new TranslationReport(Store, glossary, new Trade4Msmes.Web.Features.Library.LibraryCatalog(Store));

        report.Missing().Select(m => $"{m.Lang} {m.Collection}/{m.Id}").ShouldBe(
            ["fr roadmap/second", "fr glossary/mfn", "es roadmap/first", "es roadmap/second", "es glossary/hs", "es glossary/mfn"], ignoreOrder: true);
    }

    [Fact]
    public void AQuestionnaireScoresAsAShareOfTheMostPoints()
    {
        var file = ContentFile.Parse("content/assessments/quiz.en.md",
            "---\ntitle: Quiz\nkind: assessment\n---\nIntro.\n\n## Do you sell at home? {#home}\nWhy it matters.\n- [2] Yes | Good.\n- [0] No | Start at home.\n\n"
            + "## Do you know your code? {#code}\n- [0] No | Use the [finder](tool:hs-finder).\n- [1] Roughly | Check it.\n- [3] Yes | Good.\n\n"
            + "## Result 0-49 {#low}\nStart with the roadmap.\n\n## Result 50-100 {#high}\nReady.\n");

        var quiz = Questionnaire.Parse(file);

        quiz.Intro.ShouldBe("Intro.");
        quiz.Questions.Select(q => q.Id).ShouldBe(["home", "code"]);
        quiz.Questions[0].Explanation.ShouldBe("Why it matters.");
        quiz.Questions[1].Answers[0].Feedback.ShouldBe("Use the [finder](tool:hs-finder).");
        quiz.Score([0, 2]).ShouldBe(100);
        quiz.Score([1, 1]).ShouldBe(20);
        quiz.Band(20)!.Id.ShouldBe("low");
        quiz.Band(quiz.Score([0, 1]))!.Id.ShouldBe("high");
    }

    [Fact]
    public void TheChecksNameEachProblemAndItsFile()
    {
        var store = StoreOf(
            ("roadmap/01-first.en.md", "---\ntitle: First\nsummary: One\ntrack: both\ntopic: readiness\ntools: hs-finder, crystal-ball\n---\n[x](stop:nowhere)\n"),
            ("roadmap/01-first.fr.md", "---\ntitle: Premier\nsummary: Un\ntrack: goods\n---\nTexte.\n"),
            ("guides/01-untitled.en.md", "---\nsummary: No title\n---\nText.\n"),
            ("assessments/quiz.en.md", "---\ntitle: Quiz\nsummary: S\n---\n## Q {#q}\n- [2] Yes | Good.\n- [0] No | Bad.\n\n## Result 0-49 {#low}\nLow.\n\n## Result 60-100 {#high}\nHigh.\n"),
            ("assessments/quiz.es.md", "---\ntitle: Quiz\nsummary: S\n---\n## P {#q}\n- [1] Sí | Bien.\n- [0] No | Mal.\n\n## Resultado 0-49 {#low}\nBajo.\n\n## Resultado 60-100 {#high}\nAlto.\n"));

        ContentChecks.Problems(store).ShouldBe(
        [
            "roadmap/first.en: the link \"stop:nowhere\" leads nowhere",
            "roadmap/first.fr: \"track\" must be \"both\", as in English",
            "roadmap/first: there is no tool \"crystal-ball\"",
            "guides/untitled.en: the front matter needs a title and a summary",
            "assessments/quiz: the result bands must cover every score from 0 to 100 once",
            "assessments/quiz.es: the questions, answers, points and result bands must be those of the English text",
        ], ignoreOrder: true);
    }
}
