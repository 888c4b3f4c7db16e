using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Data;

// Kills the real executable in the middle of loading the reference data, then starts it again.
public class InterruptedLoadTests
{
    [Fact]
    public async Task KilledLoadLeavesNoHalfLoadedTablesAndTheNextStartCompletesIt()
    {
        await using var database = TestDatabase.Create();
        var ct = TestContext.Current.CancellationToken;

        var killed = await RunSetupAsync(database, killWhenOutputContains: "Loading harmonized-system", ct);
        killed.ShouldBeTrue("the load was interrupted");
        await using (var db = Open(database))
        {
            var codes = await db.HsCodes.CountAsync(ct);
            var recorded = await db.ReferenceDataSets.AnyAsync(s => s.Name == "harmonized-system", ct);
            // All or nothing: either the kill came before the commit (nothing), or just after it (everything).
            (codes, recorded).ShouldBeOneOf((0, false), (6936 + 6705, true));
        }

        (await RunSetupAsync(database, killWhenOutputContains: null, ct)).ShouldBeFalse();
        await using (var db = Open(database))
        {
            (await db.HsCodes.CountAsync(ct)).ShouldBe(6936 + 6705);
            (await db.ReferenceDataSets.CountAsync(ct)).ShouldBe(4);
        }
    }

    static AppDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(database.ConnectionString);
        }
        else
        {
            options.UseSqlite(database.ConnectionString);
        }
        return new AppDbContext(options.Options);
    }

    // Runs "Trade4Msmes.Web setup"; returns true if it was killed on seeing the given output.
    static async Task<bool> RunSetupAsync(TestDatabase database, string? killWhenOutputContains, CancellationToken ct)
    {
        var webDirectory = AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Trade4Msmes.Tests"), Path.Combine("src", "Trade4Msmes.Web"), StringComparison.Ordinal);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(webDirectory, "Trade4Msmes.Web.dll"), "setup"])
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__Provider"] = database.Provider.ToString(),
                ["ConnectionStrings__Default"] = database.ConnectionString,
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (killWhenOutputContains is not null && line.Contains(killWhenOutputContains, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
                return true;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await errors);
        return false;
    }
}
