using System.Text.RegularExpressions;

namespace Trade4Msmes.Web.Features.Content;

// One authored file under content/: its collection (roadmap, guides …), its slug, its language, the front matter
// and the Markdown that follows it. "content/roadmap/03-classifying-your-product.fr.md" is the third roadmap stop
// in French.
public sealed partial record ContentFile(string Collection, string Slug, string Lang, int Order, IReadOnlyDictionary<string, string> Meta, string Body)
{
    public string Title => Meta.GetValueOrDefault("title") ?? Slug;

    public string Summary => Meta.GetValueOrDefault("summary") ?? "";

    public static ContentFile Parse(string path, string text)
    {
        var parts = path.Split('/');
        var collection = parts.Length > 2 ? parts[^2] : "";
        var name = parts[^1];
        var extension = name.LastIndexOf('.');
        var langDot = name.LastIndexOf('.', extension - 1);
        var lang = name[(langDot + 1)..extension];
        var stem = name[..langDot];
        var numbered = NumberedStem().Match(stem);
        var (order, slug) = numbered.Success ? (int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), numbered.Groups[2].Value) : (0, stem);
        var (meta, body) = SplitFrontMatter(text.ReplaceLineEndings("\n"));
        return new ContentFile(collection, slug, lang, order, meta, body);
    }

    // "---\nkey: value\n---\nbody": one value per line, the key before the first colon.
    static (Dictionary<string, string> Meta, string Body) SplitFrontMatter(string text)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (meta, text);
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (meta, text);
        }
        foreach (var line in text[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                meta[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        var bodyStart = text.IndexOf('\n', end + 1);
        return (meta, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
    }

    public IReadOnlyList<string> List(string key) =>
        Meta.TryGetValue(key, out var value) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    [GeneratedRegex(@"^(\d{2})-(.+)$")]
    private static partial Regex NumberedStem();
}
