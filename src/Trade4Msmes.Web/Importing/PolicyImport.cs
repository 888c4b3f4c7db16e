using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

public sealed record PolicyImportReport(int Added, int Updated, IReadOnlyList<PolicyRecordFile.Problem> Problems)
{
    public bool Accepted => Problems.Count == 0;
}

// Entries from a file in the columns of the search export (an economy's or the Secretariat's existing database):
// every row checked, then all stored in one transaction or none. A key seen in an earlier import replaces that
// entry at the same address; the keys of shipped and submitted entries are not the file's to change.
public static class PolicyImport
{
    public static async Task<PolicyImportReport> ImportAsync(AppDbContext db, TextReader reader, string importedFrom, Actor actor, DateTime now,
        CancellationToken ct)
    {
        var economies = (await db.Economies.Select(e => e.Iso3).ToListAsync(ct)).ToHashSet();
        var agreements = (await db.TradeAgreements.Select(a => a.RtaId).ToListAsync(ct)).ToHashSet();
        var (records, problems) = PolicyRecordFile.Read(reader, economies, agreements, now);
        if (problems.Count > 0)
        {
            return new PolicyImportReport(0, 0, problems);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var existing = new Dictionary<string, PolicyRecord>(StringComparer.Ordinal);
            foreach (var chunk in records.Select(r => r.Key).Chunk(500))
            {
                foreach (var r in await db.PolicyRecords.AsTracking().Where(r => chunk.Contains(r.Key)).ToListAsync(ct))
                {
                    existing[r.Key] = r;
                }
            }
            var taken = records.Select((r, i) => (Line: i + 2, r.Key))
                .Where(r => existing.TryGetValue(r.Key, out var e) && e.ImportedFrom is null)
                .Select(r => new PolicyRecordFile.Problem(r.Line, existing[r.Key].SubmissionId is null
                    ? $"key \"{r.Key}\" is a shipped entry's; choose another key."
                    : $"key \"{r.Key}\" is an entry published from a submission; change it through its submission."))
                .ToList();
            if (taken.Count > 0)
            {
                return new PolicyImportReport(0, 0, taken);
            }
            await PolicyNames.IndexAsync(db, records, ct);
            foreach (var record in records)
            {
                record.ImportedFrom = importedFrom;
                if (existing.GetValueOrDefault(record.Key) is { } previous)
                {
                    record.Id = previous.Id;
                    record.RecordedAt = previous.RecordedAt;
                    db.Entry(previous).CurrentValues.SetValues(record);
                }
                else
                {
                    db.PolicyRecords.Add(record);
                }
            }
            await db.SaveChangesAsync(ct);
            AuditLog.Record(db, actor, "policy.imported", "policy-records",
                newValues: new { Added = records.Count - existing.Count, Updated = existing.Count, Source = importedFrom }, at: now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return new PolicyImportReport(records.Count - existing.Count, existing.Count, []);
        });
    }
}

// `import policy --file PATH`: exit code 0 when stored, 1 when the file has problems (nothing stored), 2 for usage.
public static class PolicyImportCommand
{
    public const string Usage = "Usage: import policy --file PATH (CSV in the columns of /api/v1/policy/search?format=csv)";
    public const long MaxBytes = 64 * 1024 * 1024;
    const int ProblemsShown = 100;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var path = args.SkipWhile(a => a != "--file").Skip(1).FirstOrDefault();
        if (path is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"No such file: {path}");
            return 2;
        }
        if (new FileInfo(path).Length > MaxBytes)
        {
            await output.WriteLineAsync($"{path} is larger than {MaxBytes / 1024 / 1024} MB; nothing was imported.");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var by = $"command line ({Environment.UserName})";
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var report = await PolicyImport.ImportAsync(db, reader, $"{Path.GetFileName(path)}, imported by {by}", new Actor(by),
            clock.GetUtcNow().UtcDateTime, ct);
        if (report.Accepted)
        {
            await output.WriteLineAsync($"Imported {report.Added} new policy entries, updated {report.Updated}.");
            return 0;
        }
        await output.WriteLineAsync($"Nothing was imported: {path} has {report.Problems.Count} problem(s):");
        foreach (var p in report.Problems.Take(ProblemsShown))
        {
            await output.WriteLineAsync($"  line {p.Line}: {p.Message}");
        }
        if (report.Problems.Count > ProblemsShown)
        {
            await output.WriteLineAsync($"  … and {report.Problems.Count - ProblemsShown} more.");
        }
        return 1;
    }
}
