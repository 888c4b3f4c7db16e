using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Tests.Operations;

// The backup, restore and export verbs of the real executable, on whichever provider the run selects. The
// databases hold user data only (no reference data), which is what these verbs are about.
public class BackupTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackupRestoredIntoAnEmptyDatabaseHoldsTheSameRows()
    {
        await using var source = TestDatabase.Create();
        await SeedAsync(source);
        using var file = new TempPath();

        var backup = await RunAsync(source, "backup", "--to", file.Path);
        backup.Output.ShouldMatch(@"Backed up (SQLite|PostgreSQL) database to .+ \(\d+\.\d (KB|MB)\)\.");
        backup.ExitCode.ShouldBe(0, backup.Output);
        File.Exists(file.Path + ".partial").ShouldBeFalse();

        await using var target = TestDatabase.Create();
        var restore = await RunAsync(target, "restore", "--from", file.Path);
        restore.ExitCode.ShouldBe(0, restore.Output);
        restore.Output.ShouldMatch(@"Restored (SQLite|PostgreSQL) database from .+: \d+ tables, \d+ rows\.");

        var expected = await RowsAsync(source);
        expected["accounts"].ShouldNotBeEmpty();
        expected["audit_entries"].Count.ShouldBeGreaterThanOrEqualTo(2);
        await ShouldHoldAsync(target, expected);
    }

    [Fact]
    public async Task RestoreRefusesADatabaseThatHoldsDataUnlessReplace()
    {
        await using var source = TestDatabase.Create();
        await SeedAsync(source);
        using var file = new TempPath();
        (await RunAsync(source, "backup", "--to", file.Path)).ExitCode.ShouldBe(0);
        await using var target = TestDatabase.Create();
        await SeedAsync(target);
        var before = await RowsAsync(target);

        var refused = await RunAsync(target, "restore", "--from", file.Path);

        refused.ExitCode.ShouldBe(1, refused.Output);
        refused.Output.ShouldContain("already holds data");
        refused.Output.ShouldContain("--replace");
        await ShouldHoldAsync(target, before);

        var versionBefore = await PublishedVersionAsync(target);
        var replaced = await RunAsync(target, "restore", "--from", file.Path, "--replace");

        replaced.ExitCode.ShouldBe(0, replaced.Output);
        // The restored data gets a published version above both: no running instance finds a page it cached before.
        (await PublishedVersionAsync(target)).ShouldBe(Math.Max(versionBefore, await PublishedVersionAsync(source)) + 1);
        var expected = await RowsAsync(source);
        expected["published_data"] = (await RowsAsync(target))["published_data"];
        await ShouldHoldAsync(target, expected);
    }

    [Fact]
    public async Task RestoreRejectsAFileThatIsNotABackup()
    {
        await using var target = TestDatabase.Create();
        using var file = new TempPath();
        await File.WriteAllTextAsync(file.Path, "id,email\n1,someone@example.org\n", Ct);

        var result = await RunAsync(target, "restore", "--from", file.Path);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain("is not a backup");
        (await AppliedMigrationsAsync(target)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RestoreRejectsABackupOfTheOtherProvider()
    {
        await using var target = TestDatabase.Create();
        using var file = new TempPath();
        string other;
        if (target.Provider == DatabaseProvider.Postgres)
        {
            other = "SQLite";
            using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
            sqlite.Open();
            using var command = sqlite.CreateCommand();
            command.CommandText = "CREATE TABLE accounts (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }
        else
        {
            other = "PostgreSQL";
            // The start of a pg_dump custom archive: the magic, then the format's version.
            await File.WriteAllBytesAsync(file.Path, [.. "PGDMP"u8, 1, 14, 0, 4, 8, 1, 1, 0, 0, 0, 0], Ct);
        }

        var result = await RunAsync(target, "restore", "--from", file.Path);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain($"is a {other} backup");
        result.Output.ShouldContain("export");
        (await AppliedMigrationsAsync(target)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BackupRefusesAnExistingFile()
    {
        await using var source = TestDatabase.Create();
        await SeedAsync(source);
        using var file = new TempPath();
        await File.WriteAllTextAsync(file.Path, "last week's backup", Ct);

        var result = await RunAsync(source, "backup", "--to", file.Path);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain("already exists");
        (await File.ReadAllTextAsync(file.Path, Ct)).ShouldBe("last week's backup");
    }

    [Fact]
    public async Task ExportHoldsWhatPeopleEnteredAndNoSecrets()
    {
        await using var database = TestDatabase.Create();
        var seeded = await SeedAsync(database);
        using var directory = new TempPath();

        var result = await RunAsync(database, "export", "--to", directory.Path);

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("accounts.json: 1 rows");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "manifest.json"), Ct));
        manifest.RootElement.GetProperty("provider").GetString().ShouldBe(database.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite");
        var files = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("collection").GetString()!, f => (File: f.GetProperty("file").GetString()!, Rows: f.GetProperty("rows").GetInt32()));
        foreach (var (collection, (name, rows)) in files)
        {
            using var content = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, name), Ct));
            content.RootElement.GetArrayLength().ShouldBe(rows, collection);
        }
        await using (var db = database.OpenContext())
        {
            var transmitted = db.TariffSchedules.Where(s => s.Origin == TariffScheduleOrigin.Transmitted).Select(s => s.Id);
            var expected = new Dictionary<string, int>
            {
                ["accounts"] = await db.Accounts.CountAsync(Ct),
                ["api-tokens"] = await db.ApiTokens.CountAsync(Ct),
                ["submissions"] = await db.Submissions.CountAsync(Ct),
                ["submission-revisions"] = await db.SubmissionRevisions.CountAsync(Ct),
                ["tariff-schedules"] = await transmitted.CountAsync(Ct),
                ["tariff-lines"] = await db.TariffLines.CountAsync(l => transmitted.Contains(l.ScheduleId), Ct),
                ["tariff-rates"] = 1,
                ["tariff-rate-quotas"] = 1,
                ["notifications"] = await db.Notifications.CountAsync(Ct),
                ["policy-entries"] = 1,
                ["subscribers"] = await db.Subscribers.CountAsync(Ct),
                ["subscriptions"] = await db.Subscriptions.CountAsync(Ct),
                ["contact-messages"] = 1,
                ["content-corrections"] = 1,
                ["audit-log"] = await db.AuditEntries.CountAsync(Ct),
            };
            expected["tariff-schedules"].ShouldBe(1, "the shipped schedule is not exported");
            foreach (var (collection, count) in expected)
            {
                files[collection].Rows.ShouldBe(count, collection);
            }
        }

        var everything = string.Concat(await Task.WhenAll(Directory.GetFiles(directory.Path).Select(f => File.ReadAllTextAsync(f, Ct))));
        using (var accounts = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "accounts.json"), Ct)))
        {
            var account = accounts.RootElement.EnumerateArray().Single();
            account.GetProperty("email").GetString().ShouldBe(seeded.Account.Email);
            account.GetProperty("roles").EnumerateArray().Select(r => $"{r.GetProperty("role").GetString()} {r.GetProperty("economy").GetString()}")
                .ShouldBe(["Subscriber ", "EconomyOfficial KEN"], ignoreOrder: true);
        }
        everything.ShouldContain("Maximum residue limits for coffee (fictional)");
        everything.ShouldContain("Café non torréfié");
        everything.ShouldNotContain("Shipped schedule (must not be exported)");
        everything.ShouldContain("Imported credit line (fictional)");
        everything.ShouldContain("Suggested guide (fictional)");
        everything.ShouldContain("Corrected title (fictional)");
        everything.ShouldNotContain("Shipped entry (must not be exported)");
        seeded.Account.PasswordHash.ShouldNotBeNullOrEmpty();
        everything.ShouldNotContain(seeded.Account.PasswordHash);
        everything.ShouldNotContain(seeded.Account.SecurityStamp);
        everything.ShouldNotContain(seeded.TokenHash);
        everything.ShouldNotContain("passwordHash", Case.Insensitive);

        var again = await RunAsync(database, "export", "--to", directory.Path);
        again.ExitCode.ShouldBe(1, again.Output);
        again.Output.ShouldContain("is not empty");
    }

    [Fact]
    public async Task BackupWhileTheAppWritesIsWholeAndRestores()
    {
        await using var source = TestDatabase.Create();
        await using var app = new AppFactory(source, loadReferenceData: false);
        app.StartServer();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Subscribers.Add(new Subscriber { Email = $"reader-{Guid.NewGuid():N}@example.org", CreatedAt = DateTime.UtcNow });
                AuditLog.Record(db, Actor.System, "test.written", "subscribers");
                await db.SaveChangesAsync(CancellationToken.None);
                Interlocked.Increment(ref written);
            }
        }, CancellationToken.None);
        using var file = new TempPath();
        try
        {
            while (Volatile.Read(ref written) < 20)
            {
                await Task.Delay(10, Ct);
            }
            var backup = await RunAsync(source, "backup", "--to", file.Path);
            backup.ExitCode.ShouldBe(0, backup.Output);
            Volatile.Read(ref written).ShouldBeGreaterThan(20, "the app went on writing");
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        if (source.Provider == DatabaseProvider.Sqlite)
        {
            using var copy = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file.Path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            copy.Open();
            using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            check.ExecuteScalar().ShouldBe("ok");
        }
        await using var target = TestDatabase.Create();
        var restore = await RunAsync(target, "restore", "--from", file.Path);
        restore.ExitCode.ShouldBe(0, restore.Output);
        var rows = await RowsAsync(target);
        // Each subscriber was saved with its audit entry: a consistent copy has as many of one as of the other.
        rows["subscribers"].Count.ShouldBeGreaterThanOrEqualTo(20);
        rows["audit_entries"].Count.ShouldBe(rows["subscribers"].Count);
    }

    sealed record Seeded(Account Account, string TokenHash);

    // User data of every kind the export covers, through the app (which migrates the empty database first).
    static async Task<Seeded> SeedAsync(TestDatabase database)
    {
        await using var app = new AppFactory(database, loadReferenceData: false);
        app.StartServer();
        var account = await TestAccounts.CreateAsync(app.Services, "Owner", editor: false, "KEN");
        await using var scope = app.Services.CreateAsyncScope();
        var (token, _) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(Caller.From(account), "KEN", "Nightly transmission", Ct);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Notifications.Add(new Notification
        {
            DocumentSymbol = $"G/SPS/N/KEN/{Random.Shared.Next(1000, 9999)}",
            Domain = NotificationDomain.Sps,
            Type = NotificationType.Regular,
            MemberIso3 = "KEN",
            DistributionDate = new DateOnly(2026, 11, 2),
            CommentDeadline = new DateOnly(2027, 1, 1),
            Title = "Maximum residue limits for coffee (fictional)",
            HsCodes = "0901 090121",
            Codes = [new NotificationHsCode { Code = "0901" }, new NotificationHsCode { Code = "090121" }],
            Source = "test",
            RecordedAt = now,
            UpdatedAt = now,
        });
        // One imported policy entry, exported; one as shipped, which is not.
        db.PolicyRecords.AddRange(
            new PolicyRecord
            {
                Key = "imported-ken",
                Database = PolicyDatabase.Finance,
                EconomyIso3 = "KEN",
                Title = "Imported credit line (fictional)",
                Text = "Loans.",
                SourceSymbol = "test",
                ImportedFrom = "entries.csv",
                RecordedAt = now,
                UpdatedAt = now
            },
            new PolicyRecord
            {
                Key = "shipped-ken",
                Database = PolicyDatabase.Finance,
                EconomyIso3 = "KEN",
                Title = "Shipped entry (must not be exported)",
                Text = "Loans.",
                SourceSymbol = "test",
                RecordedAt = now,
                UpdatedAt = now
            });
        db.ContactMessages.Add(new ContactMessage
        {
            Kind = "resource",
            Name = "Awa",
            Email = "awa@example.org",
            Subject = "Suggested guide (fictional)",
            Url = "https://example.org/",
            Text = "A guide.",
            Lang = "fr",
            ReceivedAt = now,
        });
        db.ContentCorrections.Add(new ContentCorrection
        {
            Collection = "roadmap",
            Slug = "duties-and-taxes",
            Lang = "fr",
            Text = "---\ntitle: Corrected title (fictional)\n---\n",
            Note = "test",
            EditedByAccountId = account.Id,
            EditedAt = now,
        });
        db.Subscribers.Add(new Subscriber
        {
            Email = $"trader-{Guid.NewGuid():N}@example.org",
            CreatedAt = now,
            Subscriptions = [new Subscription { Products = "0901", Markets = "KEN 002", Kinds = AlertKinds.All, Frequency = AlertFrequency.Daily, CreatedAt = now, ConfirmedAt = now }],
        });
        db.Submissions.Add(new Submission
        {
            Kind = "business-guide",
            EconomyIso3 = "KEN",
            Title = "Exporting coffee",
            State = SubmissionState.Submitted,
            Content = """{"body":"Register with the Coffee Board."}""",
            CreatedBy = account.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Revisions =
            [
                new SubmissionRevision { Number = 1, Event = RevisionEvent.Saved, Content = """{"body":"Register."}""", By = account.Id, At = now },
                new SubmissionRevision { Number = 2, Event = RevisionEvent.Submitted, Content = """{"body":"Register with the Coffee Board."}""", By = account.Id, At = now },
            ],
        });
        var transmitted = Schedule("KEN", TariffScheduleOrigin.Transmitted, "Kenya applied tariff 2027");
        var shipped = Schedule("ZZZ", TariffScheduleOrigin.Shipped, "Shipped schedule (must not be exported)");
        db.TariffSchedules.AddRange(transmitted, shipped);
        AuditLog.Record(db, Actor.For(account), "submission.submitted", "submission/1", "KEN", null, new { Note = "« guillemets » and ü" });
        await db.SaveChangesAsync(Ct);
        foreach (var schedule in new[] { transmitted, shipped })
        {
            db.TariffLines.Add(new TariffLine
            {
                ScheduleId = schedule.Id,
                Code = "0901110000",
                Hs6 = "090111",
                Description = schedule == shipped ? "Shipped line" : "Café non torréfié",
                FullDescription = "Coffee — Not roasted",
                Units = "kg",
                Rates = [new TariffRate { Kind = TariffRateKind.Mfn, Text = "25%", Form = "AdValorem", AdValorem = 25m }],
                Quotas = [new TariffRateQuota { Quantity = 1000.5m, Unit = "t", InQuotaRate = "10%", OutOfQuotaRate = "25%" }],
            });
        }
        await db.SaveChangesAsync(Ct);
        return new Seeded(account, token.TokenHash);
    }

    static TariffSchedule Schedule(string economy, TariffScheduleOrigin origin, string title) => new()
    {
        EconomyIso3 = economy,
        Version = 1,
        ValidFrom = new DateOnly(2027, 1, 1),
        Title = title,
        Source = "test",
        Currency = "USD",
        HsEdition = 2022,
        Origin = origin,
        TransmittedBy = origin == TariffScheduleOrigin.Transmitted ? "API token 1" : null,
        ReceivedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero),
        LineCount = 1,
        Programmes = [new TariffProgramme { Code = "EAC", Name = "East African Community", Kind = TariffProgrammeKind.Agreement, Origins = "UGA TZA" }],
    };

    // Every row of every table of the model, by table, in primary-key order, each row as one string of its values.
    static async Task<Dictionary<string, List<string>>> RowsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        await using var connection = Connect(database);
        await connection.OpenAsync(Ct);
        var rows = new Dictionary<string, List<string>>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var key = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(StoreObjectIdentifier.Table(table, null))}\"");
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key)}";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var values = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.GetName(i)).Append('=').Append(Text(reader.IsDBNull(i) ? null : reader.GetValue(i))).Append('|');
                }
                values.Add(row.ToString());
            }
            rows[table] = values;
        }
        return rows;
    }

    static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static async Task ShouldHoldAsync(TestDatabase database, Dictionary<string, List<string>> expected)
    {
        var actual = await RowsAsync(database);
        actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (table, rows) in expected)
        {
            actual[table].ShouldBe(rows, $"{table} in {database}");
        }
    }

    static async Task<long> PublishedVersionAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return await PublishedData.CurrentAsync(db, Ct);
    }

    static async Task<List<string>> AppliedMigrationsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return [.. await db.Database.GetAppliedMigrationsAsync(Ct)];
    }

    static DbConnection Connect(TestDatabase database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString())
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());

    // Runs the real executable with the given verb and returns its exit code and everything it wrote.
    static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = AppExecutable.StartInfo(database, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output + await errors);
    }

    // A path in the temporary directory that does not exist yet, removed afterwards whatever was made there.
    sealed class TempPath : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trade4msmes-backup-{Guid.NewGuid():N}");

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
            foreach (var suffix in new[] { "", ".partial", "-wal", "-shm", "-journal" })
            {
                File.Delete(Path + suffix);
            }
        }
    }
}
