using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Tests.Portal;

// The shipped content as a reader meets it: everything in three languages, every link inside the platform leading
// somewhere, questionnaires whose translations score the same, and the amounts the portal promises.
public class ContentTests
{
    static readonly ContentStore Store = ContentStore.LoadEmbedded();
    static readonly Glossary Glossary = new(Store);
    static readonly LibraryCatalog Library = new(Store);

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

    // Titles, summaries, tracks, topics and tools, links inside the platform, glossary ids, questionnaires whose
    // translations score as the English does: the checks an editor's correction must also pass.
    [Fact]
    public void TheShippedContentHasNoProblem() => ContentChecks.Problems(Store).ShouldBeEmpty();

    [Fact]
    public void ThereAreStopsForBothTracks()
    {
        Store.Collection("roadmap").Count(s => s.Meta("track") != "services").ShouldBeGreaterThanOrEqualTo(10, "a goods trader has at least ten stops");
        Store.Collection("roadmap").Count(s => s.Meta("track") != "goods").ShouldBeGreaterThanOrEqualTo(7, "so has a services trader, nearly");
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
