using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Content;

// A platform tool a guide can send its reader to, by the id authors write as "tool:ID".
public sealed record PlatformTool(string Id, string Path, string Name);

// Renders authored Markdown to HTML for one language. Authors link inside the platform with short addresses
// (tool:market-access, glossary:hs, stop:duties-and-taxes, guide:aeo-for-msmes, assessment:grp) that become the
// address in the reader's language; on a roadmap track, passages for the other track (::: goods / ::: services)
// are left out. Raw HTML is off: even our own files are rendered as Markdown only.
public sealed class ContentMarkdown(ContentStore store, Glossary glossary)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseFootnotes()
        .UseCustomContainers()
        .UseGenericAttributes()
        .Build();

    public static readonly IReadOnlyList<PlatformTool> Tools =
    [
        new("hs-finder", "products/find", Phrase("Find your product's HS code")),
        new("hs-browse", "hs", Phrase("Browse the Harmonized System")),
        new("market-access", "markets", Phrase("What a market charges on your product")),
        new("compare-markets", "markets/compare", Phrase("Compare markets for a product")),
        new("agreements", "agreements", Phrase("Trade agreements")),
        new("economies", "economies", Phrase("Economies")),
        new("tariffs", "tariffs", Phrase("Tariff schedules and their versions")),
        new("notifications", "notifications", Phrase("SPS and TBT notifications")),
        new("alerts", "alerts", Phrase("Alerts on duties and regulations")),
        new("policy-search", "policy", Phrase("Policy databases")),
        new("policy-tracker", "policy/tracker", Phrase("December 2020 package: implementation tracker")),
        new("lei-checker", "tools/lei", Phrase("Check a Legal Entity Identifier")),
        new("glossary", "glossary", Phrase("Glossary")),
        new("library", "library", Phrase("Resource library")),
        new("roadmap", "roadmap", Phrase("Trade roadmap")),
        new("game", "game", Phrase("The Trade Game")),
        new("contact", "contact", Phrase("Contact us")),
    ];

    public static PlatformTool? Tool(string id) => Tools.FirstOrDefault(t => t.Id == id);

    public string ToHtml(string markdown, string lang, string? track = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        if (track is not null)
        {
            foreach (var container in document.Descendants<CustomContainer>().Where(c => c.Info is "goods" or "services" && c.Info != track).ToList())
            {
                container.Parent!.Remove(container);
            }
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (Resolve(link.Url, lang) is { } resolved)
            {
                link.Url = resolved;
                if (link.Url.Contains("/glossary#", StringComparison.Ordinal))
                {
                    link.GetAttributes().AddClass("term");
                }
            }
            // An image from elsewhere would be a third-party request on a page meant for slow links: shown as a link.
            link.IsImage = false;
        }
        return document.ToHtml(Pipeline);
    }

    // Internal addresses that lead nowhere, for the content tests; at run time such a link is left as written.
    public IEnumerable<string> BrokenLinks(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>()
            .Select(l => l.Url ?? "")
            .Where(url => IsInternal(url) && Resolve(url, Languages.Default) is null || !IsInternal(url) && !IsWebAddress(url) && !url.StartsWith('#'));

    static bool IsInternal(string url) => url.IndexOf(':') is var colon && colon > 0 && url[..colon] is "tool" or "glossary" or "stop" or "guide" or "assessment";

    static bool IsWebAddress(string url) => url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal);

    string? Resolve(string? url, string lang)
    {
        if (url is null || !IsInternal(url))
        {
            return null;
        }
        var colon = url.IndexOf(':');
        var (kind, target) = (url[..colon], url[(colon + 1)..]);
        return kind switch
        {
            "tool" when Tool(target) is { } tool => $"/{lang}/{tool.Path}",
            "glossary" when glossary.Contains(target) => $"/{lang}/glossary#{target}",
            "stop" when store.Find("roadmap", target) is not null => $"/{lang}/roadmap/{target}",
            "guide" when store.Find("guides", target) is not null => $"/{lang}/guides/{target}",
            "assessment" when store.Find("assessments", target) is not null => $"/{lang}/assessments/{target}",
            _ => null,
        };
    }
}
