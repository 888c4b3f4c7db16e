using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

public static class Bulk
{
    const int ChunkSize = 2000;

    // Inserts in chunks inside the caller's transaction, reporting progress and keeping the change tracker small.
    public static async Task<int> InsertAsync<T>(
        AppDbContext db, IReadOnlyList<T> rows, LoadProgress progress, int done, int total, CancellationToken ct)
        where T : class
    {
        for (var i = 0; i < rows.Count; i += ChunkSize)
        {
            var chunk = rows.Skip(i).Take(ChunkSize).ToList();
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Count;
            progress.Report(done, total);
        }
        return done;
    }
}
