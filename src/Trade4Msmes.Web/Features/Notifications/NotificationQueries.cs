using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Features.Notifications;

// A search of notifications: any of the products (HS codes, matched up and down the tree), any of the members,
// every word of the text, the domains, and whether comments are still open on a date.
public sealed record NotificationFilter(
    IReadOnlyList<string> Products, IReadOnlyCollection<string> Members, string? Text, AlertKinds Domains, bool OpenOnly, DateOnly AsOf,
    DateOnly? From = null, DateOnly? To = null);

public record NotificationSummaryDto(
    string Symbol, string Domain, string Type, string Member, string MemberName, DateOnly DistributionDate, string Title,
    string? Products, IReadOnlyList<string> HsCodes, DateOnly? CommentDeadline, bool OpenForComment, string Url);

public record NotificationPageDto(int Total, int Offset, int Limit, IReadOnlyList<NotificationSummaryDto> Results);

public record NotificationDto(
    string Symbol, string Domain, string Type, string Member, string MemberName, DateOnly DistributionDate, string Title,
    string? Description, string? Products, IReadOnlyList<string> HsCodes, IReadOnlyList<string> IcsCodes, string? Objectives,
    string? Keywords, DateOnly? CommentDeadline, bool OpenForComment, DateOnly? EntryIntoForce, IReadOnlyList<string> Documents,
    string Language, string? Parent, bool ParentRecorded, IReadOnlyList<NotificationSummaryDto> FollowUps, string Source, string Url);

public sealed class NotificationQueries(AppDbContext db)
{
    public const int MaxLimit = 100;

    public IQueryable<Notification> Query(NotificationFilter filter)
    {
        var query = db.Notifications.AsNoTracking();
        if (filter.Domains != AlertKinds.All && (filter.Domains & (AlertKinds.Sps | AlertKinds.Tbt)) != (AlertKinds.Sps | AlertKinds.Tbt))
        {
            var domain = filter.Domains.HasFlag(AlertKinds.Sps) ? NotificationDomain.Sps : NotificationDomain.Tbt;
            query = query.Where(n => n.Domain == domain);
        }
        if (filter.Members.Count > 0)
        {
            var members = filter.Members.ToList();
            query = query.Where(n => members.Contains(n.MemberIso3));
        }
        if (filter.Products.Count > 0)
        {
            // A notification of chapter 09 concerns subheading 090121, and one of 090121 concerns chapter 09.
            var ancestors = filter.Products.SelectMany(p => new[] { p[..2], p.Length >= 4 ? p[..4] : p, p }).Distinct().ToList();
            var chapters = filter.Products.Where(p => p.Length == 2).ToList();
            var headings = filter.Products.Where(p => p.Length == 4).ToList();
            query = query.Where(n => n.Codes.Any(c => ancestors.Contains(c.Code)
                || chapters.Contains(c.Code.Substring(0, 2)) || headings.Contains(c.Code.Substring(0, 4))));
        }
        foreach (var word in TextNormalizer.Words(TextNormalizer.Fold(filter.Text ?? "")).Distinct().Take(8))
        {
            query = query.Where(n => n.SearchText.Contains(word));
        }
        if (filter.OpenOnly)
        {
            query = query.Where(n => n.CommentDeadline >= filter.AsOf);
        }
        if (filter.From is { } from)
        {
            query = query.Where(n => n.DistributionDate >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(n => n.DistributionDate <= to);
        }
        return query;
    }

    public async Task<NotificationPageDto> SearchAsync(NotificationFilter filter, int offset, int limit, string lang, CancellationToken ct)
    {
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        // Open for comment: the nearest deadline first; otherwise the newest first.
        var ordered = filter.OpenOnly
            ? query.OrderBy(n => n.CommentDeadline).ThenBy(n => n.Id)
            : query.OrderByDescending(n => n.DistributionDate).ThenByDescending(n => n.Id);
        var page = await ordered.Skip(offset).Take(limit).ToListAsync(ct);
        var names = await NamesAsync(page.Select(n => n.MemberIso3), lang, ct);
        return new NotificationPageDto(total, offset, limit, page.Select(n => Summary(n, names, filter.AsOf, lang)).ToList());
    }

    public async Task<NotificationDto?> FindAsync(string symbol, DateOnly asOf, string lang, CancellationToken ct)
    {
        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(x => x.DocumentSymbol == symbol, ct);
        if (n is null)
        {
            return null;
        }
        var followUps = await db.Notifications.AsNoTracking().Where(x => x.ParentSymbol == symbol).OrderBy(x => x.DistributionDate).ThenBy(x => x.Id).ToListAsync(ct);
        var parentRecorded = n.ParentSymbol is { } parent && await db.Notifications.AnyAsync(x => x.DocumentSymbol == parent, ct);
        var names = await NamesAsync(followUps.Select(f => f.MemberIso3).Append(n.MemberIso3), lang, ct);
        return new NotificationDto(
            n.DocumentSymbol, n.Domain.ToString().ToUpperInvariant(), n.Type.ToString(), n.MemberIso3, names.GetValueOrDefault(n.MemberIso3, n.MemberIso3),
            n.DistributionDate, n.Title, n.Description, n.ProductsText, Split(n.HsCodes), Split(n.IcsCodes), n.Objectives, n.Keywords,
            n.CommentDeadline, n.OpenForCommentOn(asOf), n.EntryIntoForce,
            n.DocumentLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries), n.Language, n.ParentSymbol, parentRecorded,
            followUps.Select(f => Summary(f, names, asOf, lang)).ToList(), n.Source, Url(n.DocumentSymbol, lang));
    }

    // The members that have notified something, for the search form.
    public async Task<IReadOnlyList<(string Iso3, string Name)>> MembersAsync(string lang, CancellationToken ct)
    {
        var codes = await db.Notifications.Select(n => n.MemberIso3).Distinct().ToListAsync(ct);
        var names = await NamesAsync(codes, lang, ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        return names.Select(kv => (kv.Key, kv.Value)).OrderBy(m => m.Value, collation).ToList();
    }

    async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> iso3s, string lang, CancellationToken ct)
    {
        var codes = iso3s.Distinct().ToList();
        return (await db.Economies.AsNoTracking().Where(e => codes.Contains(e.Iso3)).ToListAsync(ct)).ToDictionary(e => e.Iso3, e => e.Name(lang));
    }

    static NotificationSummaryDto Summary(Notification n, Dictionary<string, string> names, DateOnly asOf, string lang) => new(
        n.DocumentSymbol, n.Domain.ToString().ToUpperInvariant(), n.Type.ToString(), n.MemberIso3, names.GetValueOrDefault(n.MemberIso3, n.MemberIso3),
        n.DistributionDate, n.Title, n.ProductsText, Split(n.HsCodes), n.CommentDeadline, n.OpenForCommentOn(asOf), Url(n.DocumentSymbol, lang));

    public static string Url(string symbol, string lang) => $"/{lang}/notifications/{symbol}";

    static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
