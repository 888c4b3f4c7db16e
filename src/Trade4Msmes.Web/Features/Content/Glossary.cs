using System.Text.RegularExpressions;

namespace Trade4Msmes.Web.Features.Content;

public sealed record GlossaryTerm(string Id, string Term);

// The glossary is one Markdown file per language, a "## Term {#id}" heading per term; the ids are what guides
// link to (glossary:hs) and are the same in every language.
public sealed partial class Glossary(ContentStore store)
{
    public ContentEntry? Entry => store.Find("glossary", "glossary");

    public IReadOnlyList<GlossaryTerm> Terms(string lang) =>
        Entry is { } entry && entry.IsTranslated(lang) ? Parse(entry.In(lang).Body) : Parse(Entry?.English.Body ?? "");

    public bool Contains(string id) => Terms(Languages.Default).Any(t => t.Id == id);

    public static IReadOnlyList<GlossaryTerm> Parse(string markdown) =>
        TermHeading().Matches(markdown).Select(m => new GlossaryTerm(m.Groups["id"].Value, m.Groups["term"].Value.Trim())).ToList();

    [GeneratedRegex(@"^##\s+(?<term>.+?)\s*\{#(?<id>[a-z0-9-]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex TermHeading();
}
