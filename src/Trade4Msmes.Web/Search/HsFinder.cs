using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Search;

// Holds the finder's index for the process. It is built from the database, and rebuilt when the data it was
// built from changes (checked at most once a minute), so every instance serves what the database holds.
public sealed partial class HsFinder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HsFinder> logger) : IDisposable
{
    static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);
    static readonly string[] Sources = ["harmonized-system", "hs-finder"];

    readonly SemaphoreSlim building = new(1, 1);
    HsFinderIndex? index;
    string? version;
    DateTimeOffset checkedAt;

    // Whether the index has been built once (readiness: an instance answers finder queries without a cold build).
    public bool Loaded => index is not null;

    public async Task<HsFinderIndex> IndexAsync(CancellationToken ct = default)
    {
        if (index is not null && clock.GetUtcNow() - checkedAt < CheckEvery)
        {
            return index;
        }
        await building.WaitAsync(ct);
        try
        {
            if (index is not null && clock.GetUtcNow() - checkedAt < CheckEvery)
            {
                return index;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var current = string.Join('+', await db.ReferenceDataSets.Where(s => Sources.Contains(s.Name))
                .OrderBy(s => s.Name).Select(s => s.Fingerprint).ToListAsync(ct));
            if (index is null || current != version)
            {
                var started = clock.GetTimestamp();
                index = await HsFinderIndex.LoadAsync(db, ct);
                version = current;
                var seconds = clock.GetElapsedTime(started).TotalSeconds;
                LogBuilt(index.SubheadingCount, index.ExampleCount, seconds);
            }
            checkedAt = clock.GetUtcNow();
            return index;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose() => building.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "HS finder index built: {Subheadings} subheadings, {Examples} examples in {Seconds:0.00} s")]
    partial void LogBuilt(int subheadings, int examples, double seconds);
}
