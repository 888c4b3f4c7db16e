namespace Trade4Msmes.Web.Features.Content;

// One piece of content (a roadmap stop, a guide, a questionnaire …) in the languages it is written in. English is
// the reference: its front matter decides the structure, and a missing translation falls back to it.
public sealed class ContentEntry(string collection, string slug, IReadOnlyDictionary<string, ContentFile> translations)
{
    public string Collection => collection;
    public string Slug => slug;
    public ContentFile English => translations[Languages.Default];
    public int Order => English.Order;
    public IEnumerable<ContentFile> Translations => translations.Values;

    public bool IsTranslated(string lang) => translations.ContainsKey(lang);

    public ContentFile In(string lang) => translations.GetValueOrDefault(lang) ?? English;

    public string? Meta(string key) => English.Meta.GetValueOrDefault(key);

    public IReadOnlyList<string> List(string key) => English.List(key);
}

// The files under content/, embedded in the executable and read once: they change only with a release.
public sealed class ContentStore
{
    const string Prefix = "content/";
    readonly Dictionary<string, List<ContentEntry>> collections = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> texts;
    readonly Dictionary<(string Collection, string Slug, string Lang), string> sources = [];

    public ContentStore(IReadOnlyDictionary<string, string> files)
    {
        texts = files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var pages = new List<ContentFile>();
        foreach (var (path, text) in files.Where(f => f.Key.EndsWith(".md", StringComparison.Ordinal)))
        {
            var page = ContentFile.Parse(path, text);
            if (Languages.IsSupported(page.Lang))
            {
                pages.Add(page);
                sources[(page.Collection, page.Slug, page.Lang)] = text;
            }
        }
        foreach (var group in pages.GroupBy(f => (f.Collection, f.Slug)))
        {
            var translations = group.ToDictionary(f => f.Lang, StringComparer.Ordinal);
            if (!translations.ContainsKey(Languages.Default))
            {
                Untranslatable.Add($"{group.Key.Collection}/{group.Key.Slug}");
                continue;
            }
            if (!collections.TryGetValue(group.Key.Collection, out var entries))
            {
                collections[group.Key.Collection] = entries = [];
            }
            entries.Add(new ContentEntry(group.Key.Collection, group.Key.Slug, translations));
        }
        foreach (var entries in collections.Values)
        {
            entries.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Slug, b.Slug));
        }
    }

    // Pages written in another language with no English original: they cannot be shown, and the tests say so.
    public List<string> Untranslatable { get; } = [];

    public IReadOnlyList<ContentEntry> Collection(string name) => collections.GetValueOrDefault(name) ?? [];

    public ContentEntry? Find(string collection, string slug) =>
        Collection(collection).FirstOrDefault(e => e.Slug == slug);

    // A data file under content/ (the library's CSV files), by its path below content/.
    public string? Text(string path) => texts.GetValueOrDefault(Prefix + path);

    public static ContentStore LoadEmbedded() => new(EmbeddedFiles());

    public static Dictionary<string, string> EmbeddedFiles()
    {
        var assembly = typeof(ContentStore).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, detectEncodingFromByteOrderMarks: true);
            files[name] = reader.ReadToEnd();
        }
        return files;
    }

    // A page's file as written, front matter and all (what an editor corrects), or null if it has none in lang.
    public string? Markdown(string collection, string slug, string lang) => sources.GetValueOrDefault((collection, slug, lang));
}
