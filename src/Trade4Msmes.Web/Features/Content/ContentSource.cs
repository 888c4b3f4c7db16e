using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Content;

// The content as published: the shipped files with the editors' corrections on top. Each instance keeps the
// store it built and rebuilds it when the newest correction in the database is not the one it was built from,
// so a correction saved on one instance shows on every instance at the next request.
public sealed class ContentSource
{
    readonly IReadOnlyDictionary<string, string> shippedFiles;
    readonly Lock gate = new();
    (long Newest, ContentStore Store) current;

    public ContentSource(IReadOnlyDictionary<string, string> files)
    {
        shippedFiles = files;
        Shipped = new ContentStore(files);
        current = (0, Shipped);
    }

    public static ContentSource Embedded() => new(ContentStore.EmbeddedFiles());

    public ContentStore Shipped { get; }

    public ContentStore Current(AppDbContext db)
    {
        var newest = db.ContentCorrections.Max(c => (long?)c.Id) ?? 0;
        lock (gate)
        {
            if (current.Newest == newest)
            {
                return current.Store;
            }
        }
        var store = With(db.ContentCorrections.AsNoTracking().Where(c => c.Id <= newest).OrderBy(c => c.Id).ToList());
        lock (gate)
        {
            if (newest > current.Newest)
            {
                current = (newest, store);
            }
        }
        return store;
    }

    // The shipped files with these corrections applied in order; a correction without text restores the shipped file.
    public ContentStore With(IEnumerable<ContentCorrection> corrections)
    {
        var files = shippedFiles.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var c in corrections)
        {
            var path = PathOf(c.Collection, c.Slug, c.Lang);
            if (c.Text is not null)
            {
                files[path] = c.Text;
            }
            else if (shippedFiles.TryGetValue(path, out var shipped))
            {
                files[path] = shipped;
            }
            else
            {
                files.Remove(path);
            }
        }
        return new ContentStore(files);
    }

    // The file behind an entry in a language: the shipped one's name when it exists (it carries the order prefix).
    public string PathOf(string collection, string slug, string lang)
    {
        var english = Shipped.Find(collection, slug)?.English;
        var stem = english is { Order: > 0 } ? $"{english.Order:00}-{slug}" : slug;
        return $"content/{collection}/{stem}.{lang}.md";
    }
}
