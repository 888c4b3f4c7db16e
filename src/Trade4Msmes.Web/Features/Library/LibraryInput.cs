using Trade4Msmes.Web.Features.Agreements;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Library;

// The query string of a library search, shared by the page and the API. Problems are English templates the page
// translates.
public sealed record LibraryInput(string? Q, string? Topic, string? Audience, string? Type, string? Available, string? Region)
{
    public const int MaxQueryLength = 200;

    public (LibraryFilter? Filter, InputError? Problem) Parse()
    {
        if (Q?.Length > MaxQueryLength)
        {
            return (null, new InputError("The search text may be at most {0} characters.", MaxQueryLength));
        }
        if (Blank(Topic) is { } topic && LibraryCatalog.TopicNames.All(t => t.Value != topic))
        {
            return (null, new InputError("There is no topic \"{0}\"; use one of {1}.", topic, string.Join(", ", LibraryCatalog.TopicNames.Select(t => t.Value))));
        }
        if (Blank(Audience) is { } audience && LibraryCatalog.AudienceNames.All(a => a.Value != audience))
        {
            return (null, new InputError("There is no audience \"{0}\"; use one of {1}.", audience, string.Join(", ", LibraryCatalog.AudienceNames.Select(a => a.Value))));
        }
        if (Blank(Type) is { } type && LibraryCatalog.TypeNames.All(t => t.Value != type))
        {
            return (null, new InputError("There is no resource type \"{0}\"; use one of {1}.", type, string.Join(", ", LibraryCatalog.TypeNames.Select(t => t.Value))));
        }
        if (Blank(Available) is { } available && (available.Length != 2 || !available.All(char.IsAsciiLetterLower)))
        {
            return (null, new InputError("\"{0}\" is not a two-letter language code such as en, fr or es.", available));
        }
        var region = Blank(Region);
        if (region is not null && LibraryCatalog.RegionNames.All(r => r.Value != region))
        {
            if (!EconomyCode.TryNormalize(region, out var iso3))
            {
                return (null, new InputError("There is no region or economy \"{0}\"; use world, a continent ({1}) or an ISO 3166 code.", region, string.Join(", ", LibraryCatalog.RegionNames.Skip(1).Select(r => r.Value))));
            }
            region = iso3;
        }
        return (new LibraryFilter(Blank(Q), Blank(Topic), Blank(Audience), Blank(Type), Blank(Available), region), null);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
