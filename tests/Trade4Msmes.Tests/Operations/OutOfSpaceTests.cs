using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Tariffs;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Operations;

// The database on a small tmpfs mounted for the test (never the machine's own disk), filled up before an import.
// Runs alone: on PostgreSQL a full tablespace fails the server's checkpoints, so another test creating its
// database meanwhile got "checkpoint request failed".
[Collection(RunsAlone.Name)]
public class OutOfSpaceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnImportThatRunsOutOfSpaceStoresNothingSaysSoAndTheNextOneSucceeds()
    {
        if (Environment.UserName != "root")
        {
            Assert.Skip("Needs root, to mount a small file system for the database.");
        }
        var postgres = TestDatabase.ConfiguredProvider == DatabaseProvider.Postgres;
        using var disk = SmallDisk.Mount(postgres ? 512 : 128);
        var tablespace = $"t4m_full_{Guid.NewGuid():N}";
        if (postgres)
        {
            disk.GiveToPostgres();
            await AdminAsync($"CREATE TABLESPACE \"{tablespace}\" LOCATION '{disk.PostgresFolder}'");
        }
        try
        {
            await using (var database = TestDatabase.CreateOn(disk.Folder, tablespace))
            await using (var app = new AppFactory(database))
            {
                var client = app.CreateClient();
                var token = await TestAccounts.TransmissionTokenAsync(app.Services, "KEN");
                var small = await TransmitAsync(client, token, await ScheduleAsync(app, lines: 10), "2027-01-01");
                small.StatusCode.ShouldBe(HttpStatusCode.Created, await small.Content.ReadAsStringAsync(Ct));
                var large = await ScheduleAsync(app, lines: 20_000);
                var before = await CountsAsync(app);
                if (!postgres)
                {
                    // Loading the reference data left a large write-ahead log whose space SQLite reuses; an operator's
                    // database usually has a short one, so the import has to grow it.
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Ct);
                }

                disk.Fill(leaveBytes: 256 * 1024);
                var refused = await TransmitAsync(client, token, large, "2027-07-01");

                refused.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
                refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Nothing was stored");
                disk.Unfill();
                (await CountsAsync(app)).ShouldBe(before, "nothing of the refused import was stored");
                var answer = await client.GetStringAsync("/api/v1/market-access?product=010121&origin=FRA&destination=KEN&asOf=2027-08-01", Ct);
                answer.ShouldContain("\"version\":1", customMessage: "the previous version still answers");

                var again = await TransmitAsync(client, token, large, "2027-07-01");
                again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync(Ct));
                (await CountsAsync(app)).Schedules.ShouldBe(before.Schedules + 1);
            }
        }
        finally
        {
            if (postgres)
            {
                await AdminAsync($"DROP TABLESPACE IF EXISTS \"{tablespace}\"");
            }
        }
    }

    static async Task<HttpResponseMessage> TransmitAsync(HttpClient client, string token, string csv, string validFrom)
    {
        using var request = TransmissionTests.Csv("KEN", token, csv, $"validFrom={validFrom}&currency=KES");
        return await client.SendAsync(request, Ct);
    }

    // A schedule of real HS 2022 subheadings, split into national lines.
    static async Task<string> ScheduleAsync(AppFactory app, int lines)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var subheadings = await db.HsCodes.Where(c => c.Edition == 2022 && c.Code.Length == 6).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct);
        var csv = new StringBuilder("record,line,description,duty,out_of_quota_duty,programme,agreement,origins,year,value,quantity,unit\n");
        for (var i = 0; i < lines; i++)
        {
            var code = $"{subheadings[i % subheadings.Count]}{i / subheadings.Count + 10:D2}00";
            csv.Append(CultureInfo.InvariantCulture, $"line,{code},National line {i} of a schedule long enough to need more than the space left,,,,,,,,,kg\n");
            csv.Append(CultureInfo.InvariantCulture, $"mfn,{code},,{i % 25}%,,,,,,,,\n");
        }
        return csv.ToString();
    }

    static async Task<(int Schedules, int Lines, int Rates)> CountsAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.TariffSchedules.CountAsync(Ct), await db.TariffLines.CountAsync(Ct), await db.TariffRates.CountAsync(Ct));
    }

    static async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    // A tmpfs of the given size, mounted for one test and unmounted after it.
    sealed class SmallDisk : IDisposable
    {
        string? filler;

        SmallDisk(string folder) => Folder = folder;

        public string Folder { get; }

        public string PostgresFolder => Path.Combine(Folder, "pg");

        public static SmallDisk Mount(int megabytes)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"trade4msmes-small-disk-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
            return new SmallDisk(folder);
        }

        // PostgreSQL keeps a tablespace in an empty folder of its own user.
        public void GiveToPostgres()
        {
            Directory.CreateDirectory(PostgresFolder);
            Run("chown", "postgres:", PostgresFolder);
        }

        // Takes all the space but the given bytes, with blocks really allocated (a sparse file would take none).
        public void Fill(long leaveBytes)
        {
            filler = Path.Combine(Folder, "filler");
            var free = new DriveInfo(Folder).AvailableFreeSpace;
            using var stream = new FileStream(filler, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, PreallocationSize = free - leaveBytes });
            new DriveInfo(Folder).AvailableFreeSpace.ShouldBeLessThan(leaveBytes + (1 << 20));
        }

        public void Unfill()
        {
            if (filler is not null)
            {
                File.Delete(filler);
                filler = null;
            }
        }

        public void Dispose()
        {
            Unfill();
            Run("umount", "--lazy", Folder);
            Directory.Delete(Folder);
        }

        static void Run(string command, params string[] args)
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', args)}: {error}");
        }
    }
}
