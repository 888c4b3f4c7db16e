using Trade4Msmes.Web.Features.Library;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Content;

public sealed record MissingTranslation(string Collection, string Id, string Title, string Lang);

// What is not yet written in every language: whole pages, glossary terms and library records.
public sealed class TranslationReport(ContentStore store, Glossary glossary, LibraryCatalog library)
{
    public static readonly IReadOnlyList<(string Value, string Name)> Collections =
    [
        ("roadmap", Phrase("Trade roadmap")), ("guides", Phrase("Guides for policymakers")), ("assessments", Phrase("Self-assessments and the Trade Game")),
        ("news", Phrase("News and meetings")), ("glossary", Phrase("Glossary")), ("library", Phrase("Resource library")),
    ];

    public IReadOnlyList<MissingTranslation> Missing()
    {
        var missing = new List<MissingTranslation>();
        foreach (var lang in Languages.Supported.Where(l => l != Languages.Default))
        {
            foreach (var collection in new[] { "roadmap", "guides", "assessments", "news" })
            {
                missing.AddRange(store.Collection(collection).Where(e => !e.IsTranslated(lang))
                    .Select(e => new MissingTranslation(collection, e.Slug, e.English.Title, lang)));
            }
            // The glossary counts by term: a language without its file misses every term.
            var translated = glossary.Entry?.IsTranslated(lang) == true
                ? glossary.Terms(lang).Select(t => t.Id).ToHashSet(StringComparer.Ordinal)
                : [];
            missing.AddRange(glossary.Terms(Languages.Default).Where(t => !translated.Contains(t.Id))
                .Select(t => new MissingTranslation("glossary", t.Id, t.Term, lang)));
            missing.AddRange(library.Records.Where(r => !r.IsTranslated(lang))
                .Select(r => new MissingTranslation("library", r.Id, r.In(Languages.Default).Title, lang)));
        }
        return missing;
    }

    // Pieces of content in each collection, for the report's totals.
    public int Count(string collection) => collection switch
    {
        "glossary" => glossary.Terms(Languages.Default).Count,
        "library" => library.Records.Count,
        _ => store.Collection(collection).Count,
    };
}
