using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// One shipped data set: the files it reads, the tables it owns, and how to fill them.
public interface IReferenceData
{
    string Name { get; }

    // Bump when the importer's own logic changes, so deployments reload the set.
    int Version { get; }

    IReadOnlyList<string> Files { get; }

    // Sets whose tables this one reads while loading; a reload of those reloads this one.
    IReadOnlyList<string> DependsOn => [];

    Task ClearAsync(AppDbContext db, CancellationToken ct);

    Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct);
}

// Loads every shipped data set that is missing or changed, each in its own transaction,
// so a process killed mid-load leaves the set either fully loaded or not at all.
public sealed partial class ReferenceDataLoader(
    AppDbContext db,
    IEnumerable<IReferenceData> sets,
    TimeProvider clock,
    ILogger<ReferenceDataLoader> logger)
{
    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken ct = default)
    {
        var loaded = new List<string>();
        var fingerprints = new Dictionary<string, string>();
        foreach (var set in sets)
        {
            var fingerprint = ShippedData.Fingerprint(
                set.Files, [$"v{set.Version}", .. set.DependsOn.Select(d => fingerprints[d])]);
            fingerprints[set.Name] = fingerprint;
            if (await IsCurrentAsync(set.Name, fingerprint, ct))
            {
                continue;
            }
            if (await LoadOneAsync(set, fingerprint, ct))
            {
                loaded.Add(set.Name);
            }
        }
        return loaded;
    }

    async Task<bool> IsCurrentAsync(string name, string fingerprint, CancellationToken ct) =>
        await db.ReferenceDataSets.AnyAsync(s => s.Name == name && s.Fingerprint == fingerprint, ct);

    static readonly TimeSpan AnotherLoadWait = TimeSpan.FromMinutes(10);

    // False when another instance loaded the set while this one waited for the lock.
    async Task<bool> LoadOneAsync(IReferenceData set, string fingerprint, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // Another instance loading this set holds SQLite's write lock for as long as its load takes: seconds
            // on a quiet machine, more on a busy one. Wait for it (then find the set loaded) rather than fail
            // after the default 30 s.
            sqlite.DefaultTimeout = (int)AnotherLoadWait.TotalSeconds;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        var rows = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                // Several instances may start at once: one loads, the others wait and then find it done.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7246001)", ct);
            }
            if (await IsCurrentAsync(set.Name, fingerprint, ct))
            {
                return -1;
            }
            LogStarting(set.Name);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await set.ClearAsync(db, ct);
            var progress = new LoadProgress(set.Name, logger);
            var count = await set.LoadAsync(db, progress, ct);
            await db.ReferenceDataSets.Where(s => s.Name == set.Name).ExecuteDeleteAsync(ct);
            db.ReferenceDataSets.Add(new ReferenceDataSet
            {
                Name = set.Name,
                Fingerprint = fingerprint,
                RowCount = count,
                LoadedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return count;
        });
        if (rows < 0)
        {
            return false;
        }
        LogLoaded(set.Name, rows, stopwatch.Elapsed.TotalSeconds);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading {DataSet} ...")]
    partial void LogStarting(string dataSet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {DataSet}: {RowCount} rows in {Seconds:0.0} s")]
    partial void LogLoaded(string dataSet, int rowCount, double seconds);
}

// Reports "name: done / total rows" on the console at most twice a second, so first start is never silent.
public partial class LoadProgress(string name, ILogger logger)
{
    readonly Stopwatch sinceLast = Stopwatch.StartNew();

    public virtual void Report(int done, int total)
    {
        if (done < total && sinceLast.ElapsedMilliseconds < 500)
        {
            return;
        }
        sinceLast.Restart();
        LogProgress(logger, name, done, total, total == 0 ? 100 : 100 * done / total);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading {DataSet}: {Done}/{Total} rows ({Percent}%)")]
    static partial void LogProgress(ILogger logger, string dataSet, int done, int total, int percent);
}
