using System.Text.RegularExpressions;

namespace Trade4Msmes.Web.Features.Content;

public sealed record GlossaryTerm(string Id, string Term);

// The glossary is one Markdown file per language, a "## Term {#id}" heading per term; the ids are what guides
// link to (glossary:hs) and are the same in every language.
public sealed partial class Glossary(ContentStore store)
{
    // Read once per language: every glossary link on a page asks whether its term exists.
    readonly Dictionary<string, IReadOnlyList<GlossaryTerm>> terms = [];
    HashSet<string>? ids;

    public ContentEntry? Entry => store.Find("glossary", "glossary");

    // The terms as written in lang, or the English ones where the glossary is not translated.
    public IReadOnlyList<GlossaryTerm> Terms(string lang)
    {
        var written = Entry is { } entry && entry.IsTranslated(lang) ? lang : Languages.Default;
        if (!terms.TryGetValue(written, out var list))
        {
            terms[written] = list = Parse(Entry?.In(written).Body ?? "");
        }
        return list;
    }

    public bool Contains(string id) => (ids ??= Terms(Languages.Default).Select(t => t.Id).ToHashSet(StringComparer.Ordinal)).Contains(id);

    public static IReadOnlyList<GlossaryTerm> Parse(string markdown) =>
        TermHeading().Matches(markdown).Select(m => new GlossaryTerm(m.Groups["id"].Value, m.Groups["term"].Value.Trim())).ToList();

    [GeneratedRegex(@"^##\s+(?<term>.+?)\s*\{#(?<id>[a-z0-9-]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex TermHeading();
}
