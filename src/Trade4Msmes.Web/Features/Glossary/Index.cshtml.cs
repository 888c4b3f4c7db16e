using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Web.Features.Glossary;

public class IndexModel(Content.Glossary glossary, ContentMarkdown markdown) : PageModel
{
    public ContentView? Glossary { get; private set; }
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    public void OnGet()
    {
        var lang = Languages.Current;
        if (glossary.Entry is { } entry)
        {
            Glossary = new ContentView(entry, markdown.ToHtml(entry.In(lang).Body, lang));
            Terms = glossary.Terms(lang);
        }
    }
}
