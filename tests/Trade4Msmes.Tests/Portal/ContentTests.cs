using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Tests.Portal;

// The shipped content as a reader meets it: everything in three languages, every link inside the platform leading
// somewhere, questionnaires whose translations score the same, and the amounts the portal promises.
public class ContentTests
{
    static readonly ContentStore Store = ContentStore.LoadEmbedded();
    static readonly Glossary Glossary = new(Store);
    static readonly ContentMarkdown Markdown = new(Store, Glossary);
    static readonly LibraryCatalog Library = new(Store);
    static readonly string[] Collections = ["roadmap", "guides", "assessments", "news", "glossary"];
    static readonly string[] StructuralKeys = ["track", "topic", "tools", "assessment", "kind", "date"];

    [Fact]
    public void ThePortalHasWhatItPromises()
    {
        Store.Collection("roadmap").Count.ShouldBeGreaterThanOrEqualTo(10);
        Store.Collection("guides").Count.ShouldBeGreaterThanOrEqualTo(8);
        Glossary.Terms("en").Count.ShouldBeGreaterThanOrEqualTo(60);
        Library.Records.Count.ShouldBeGreaterThanOrEqualTo(60);
        Store.Find("assessments", "export-readiness").ShouldNotBeNull();
        Store.Find("assessments", "ecommerce-readiness").ShouldNotBeNull();
        Store.Find("assessments", "grp").ShouldNotBeNull();
        Store.Find("assessments", "trade-game")!.Meta("kind").ShouldBe("game");
        Store.Collection("news").Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void EverythingIsWrittenInEveryLanguage()
    {
        Store.Untranslatable.ShouldBeEmpty();
        new TranslationReport(Store, Glossary, Library).Missing().Select(m => $"{m.Lang} {m.Collection}/{m.Id}").ShouldBeEmpty();
    }

    [Fact]
    public void EveryPageHasATitleAndASummaryInEachLanguage()
    {
        foreach (var file in Collections.SelectMany(Store.Collection).SelectMany(e => e.Translations))
        {
            file.Meta.ContainsKey("title").ShouldBeTrue($"{file.Collection}/{file.Slug}.{file.Lang} has a title");
            file.Summary.ShouldNotBeNullOrWhiteSpace($"{file.Collection}/{file.Slug}.{file.Lang} has a summary");
        }
    }

    // Translations may repeat the structural keys; if they do, they must agree with the English file.
    [Fact]
    public void TranslationsAgreeWithTheEnglishStructure()
    {
        foreach (var entry in Collections.SelectMany(Store.Collection))
        {
            foreach (var file in entry.Translations)
            {
                foreach (var key in StructuralKeys.Where(file.Meta.ContainsKey))
                {
                    file.Meta[key].ShouldBe(entry.Meta(key), $"{entry.Collection}/{entry.Slug}.{file.Lang}: {key}");
                }
            }
        }
    }

    [Fact]
    public void RoadmapStopsNameARealTrackTopicAndTools()
    {
        foreach (var stop in Store.Collection("roadmap"))
        {
            stop.Meta("track").ShouldBeOneOf("goods", "services", "both");
            LibraryCatalog.TopicNames.Select(t => t.Value).ShouldContain(stop.Meta("topic"));
            stop.List("tools").ShouldAllBe(t => ContentMarkdown.Tool(t) != null);
        }
        Store.Collection("roadmap").Count(s => s.Meta("track") != "services").ShouldBeGreaterThanOrEqualTo(10, "a goods trader has at least ten stops");
        Store.Collection("roadmap").Count(s => s.Meta("track") != "goods").ShouldBeGreaterThanOrEqualTo(7, "so has a services trader, nearly");
    }

    [Fact]
    public void EveryLinkInsideThePlatformLeadsSomewhere()
    {
        var broken = Collections.SelectMany(Store.Collection).SelectMany(e => e.Translations)
            .SelectMany(f => Markdown.BrokenLinks(f.Body).Select(link => $"{f.Collection}/{f.Slug}.{f.Lang}: {link}"))
            .ToList();

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void GlossaryTermsAreTheSameInEveryLanguage()
    {
        var english = Glossary.Terms("en").Select(t => t.Id).ToList();
        english.ShouldBeUnique();
        foreach (var lang in new[] { "fr", "es" })
        {
            Glossary.Terms(lang).Select(t => t.Id).ShouldBe(english, ignoreOrder: true);
        }
    }

    [Fact]
    public void QuestionnairesScoreTheSameInEveryLanguage()
    {
        foreach (var entry in Store.Collection("assessments"))
        {
            var english = Questionnaire.Parse(entry.English);
            english.Questions.Count.ShouldBeGreaterThanOrEqualTo(7, entry.Slug);
            english.Questions.ShouldAllBe(q => q.Answers.Count >= 2 && q.Answers.All(a => a.Feedback.Length > 0));
            // The bands cover every score from 0 to 100 once.
            Enumerable.Range(0, 101).ShouldAllBe(score => english.Results.Count(r => score >= r.From && score <= r.To) == 1);
            foreach (var file in entry.Translations)
            {
                var translated = Questionnaire.Parse(file);
                translated.Questions.Select(q => (q.Id, Points: string.Join(",", q.Answers.Select(a => a.Points))))
                    .ShouldBe(english.Questions.Select(q => (q.Id, Points: string.Join(",", q.Answers.Select(a => a.Points)))), $"{entry.Slug}.{file.Lang}");
                translated.Results.Select(r => (r.From, r.To)).ShouldBe(english.Results.Select(r => (r.From, r.To)), $"{entry.Slug}.{file.Lang}");
            }
        }
    }

    [Fact]
    public void LibraryRecordsAreCompleteAndUseTheKnownVocabulary()
    {
        Library.Records.Select(r => r.Id).ShouldBeUnique();
        foreach (var r in Library.Records)
        {
            Uri.TryCreate(r.Url, UriKind.Absolute, out var url).ShouldBeTrue(r.Id);
            url!.Scheme.ShouldBe("https", r.Id);
            LibraryCatalog.TypeNames.Select(t => t.Value).ShouldContain(r.Type, r.Id);
            LibraryCatalog.AudienceNames.Select(a => a.Value).ShouldContain(r.Audience, r.Id);
            r.Topics.ShouldNotBeEmpty(r.Id);
            r.Topics.ShouldAllBe(t => LibraryCatalog.TopicNames.Any(n => n.Value == t));
            r.Regions.ShouldAllBe(g => LibraryCatalog.RegionNames.Any(n => n.Value == g) || g.Length == 3 && g.All(char.IsAsciiLetterUpper));
            r.Languages.ShouldNotBeEmpty(r.Id);
            // A date checked always says how; an unchecked record says it is unchecked.
            r.CheckNote.ShouldNotBeNullOrWhiteSpace(r.Id);
            foreach (var lang in new[] { "en", "fr", "es" })
            {
                r.In(lang).Title.ShouldNotBeNullOrWhiteSpace($"{r.Id} {lang}");
                r.In(lang).Summary.ShouldNotBeNullOrWhiteSpace($"{r.Id} {lang}");
            }
        }
        // Every topic a stop or guide shows resources for has some.
        foreach (var topic in LibraryCatalog.TopicNames)
        {
            Library.Records.Count(r => r.Topics.Contains(topic.Value)).ShouldBeGreaterThanOrEqualTo(2, topic.Value);
        }
    }

    [Fact]
    public void NewsItemsAreDatedAndCiteTheirSource()
    {
        foreach (var item in Store.Collection("news"))
        {
            DateOnly.TryParseExact(item.Meta("date"), "yyyy-MM-dd", out _).ShouldBeTrue(item.Slug);
            item.Meta("kind").ShouldBeOneOf("meeting", "newsletter", "news");
            item.Meta("source").ShouldNotBeNullOrWhiteSpace(item.Slug);
        }
    }
}
