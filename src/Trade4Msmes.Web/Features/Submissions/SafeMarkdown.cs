using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Trade4Msmes.Web.Features.Submissions;

// User-written rich text: Markdown with raw HTML switched off (it is shown as text), and links and images
// kept only when they point to http, https or mailto addresses, so nothing a user writes can run script.
public static class SafeMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowed(link.Url))
            {
                link.Url = "";
            }
            // Images from elsewhere would be third-party requests; they are shown as links instead.
            link.IsImage = false;
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsAllowed(a.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        return document.ToHtml(Pipeline);
    }

    public static bool IsAllowed(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
}
