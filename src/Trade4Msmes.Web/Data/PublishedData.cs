using Microsoft.EntityFrameworkCore;

namespace Trade4Msmes.Web.Data;

// The version of everything the public pages show (see the 0007 migration). A single row, Id 1.
public sealed class PublishedDataVersion
{
    public int Id { get; set; }
    public long Version { get; set; }
}

public static class PublishedData
{
    // What no public page shows: changing it leaves cached pages valid. Everything else moves the version on,
    // so a new table is covered without anyone remembering to add it.
    static readonly HashSet<Type> Private =
    [
        typeof(Account), typeof(AccountRole), typeof(AccountLink), typeof(ApiToken), typeof(AuditEntry),
        typeof(DataProtectionKey), typeof(RateLimitCounter), typeof(OutboxMessage), typeof(Subscriber),
        typeof(Subscription), typeof(AlertEvent), typeof(AlertItem), typeof(PublishedDataVersion), typeof(ContactMessage),
    ];

    public static bool Changes(AppDbContext db) =>
        db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !Private.Contains(e.Metadata.ClrType));

    // An UPDATE rather than read-and-write: two publishing transactions take turns on the row and never both
    // write the same next version (which could leave a page cached without the second change).
    public static Task BumpAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("UPDATE published_data SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", ct);

    public static Task<long> CurrentAsync(AppDbContext db, CancellationToken ct) =>
        db.PublishedData.Where(v => v.Id == 1).Select(v => v.Version).SingleAsync(ct);
}
