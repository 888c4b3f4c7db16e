using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.Data;

// Kills the real executable in the middle of loading the reference data, or of importing a tariff schedule,
// then runs it again.
public class InterruptedLoadTests
{
    [Fact]
    public async Task KilledLoadLeavesNoHalfLoadedTablesAndTheNextStartCompletesIt()
    {
        await using var database = TestDatabase.Create();
        var ct = TestContext.Current.CancellationToken;

        var (killed, _) = await RunAsync(database, ["setup"], killWhenOutputContains: "Loading harmonized-system", ct);
        killed.ShouldBeTrue("the load was interrupted");
        await using (var db = database.OpenContext())
        {
            var codes = await db.HsCodes.CountAsync(ct);
            var recorded = await db.ReferenceDataSets.AnyAsync(s => s.Name == "harmonized-system", ct);
            // All or nothing: either the kill came before the commit (nothing), or just after it (everything).
            (codes, recorded).ShouldBeOneOf((0, false), (6936 + 6705, true));
        }

        (await RunAsync(database, ["setup"], killWhenOutputContains: null, ct)).Killed.ShouldBeFalse();
        await using (var db = database.OpenContext())
        {
            (await db.HsCodes.CountAsync(ct)).ShouldBe(6936 + 6705);
            (await db.ReferenceDataSets.CountAsync(ct)).ShouldBe(7);
        }
    }

    [Fact]
    public async Task KilledTariffImportLeavesThePreviousVersionIntactAndTheNextImportSucceeds()
    {
        await using var database = TestDatabase.Create();
        var ct = TestContext.Current.CancellationToken;
        (await RunAsync(database, ["setup"], killWhenOutputContains: null, ct)).Killed.ShouldBeFalse();
        var file = Path.Combine(Path.GetTempPath(), $"hts-{Guid.NewGuid():N}.csv");
        await using (var source = ShippedData.Open(UsTariffSchedule.File))
        await using (var target = File.Create(file))
        {
            await source.CopyToAsync(target, ct);
        }
        string[] import = ["import", "tariff", "--economy", "USA", "--file", file, "--format", "usitc-hts", "--valid-from", "2027-01-01"];
        try
        {
            // The progress bar is drawn after each stored chunk, inside the import's transaction.
            (await RunAsync(database, import, killWhenOutputContains: "%  ", ct)).Killed.ShouldBeTrue();
            await using (var db = database.OpenContext())
            {
                (await db.TariffSchedules.CountAsync(s => s.EconomyIso3 == "USA", ct)).ShouldBe(1);
                (await db.TariffLines.CountAsync(ct)).ShouldBe(11_415 + 2 * 11_830);
            }

            var completed = await RunAsync(database, import, killWhenOutputContains: null, ct);
            completed.Output.ShouldContain("Imported USA version 2: 11415 lines");
            await using (var db = database.OpenContext())
            {
                var versions = await db.TariffSchedules.Where(s => s.EconomyIso3 == "USA").OrderBy(s => s.Version).ToListAsync(ct);
                versions.Select(v => (v.Version, v.ValidFrom)).ShouldBe([(1, new DateOnly(2026, 1, 1)), (2, new DateOnly(2027, 1, 1))]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Runs the real executable with the given verb; kills it as soon as its output contains the given text.
    static async Task<(bool Killed, string Output)> RunAsync(
        TestDatabase database, string[] args, string? killWhenOutputContains, CancellationToken ct)
    {
        var start = AppExecutable.StartInfo(database, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        // Read characters, not lines: a progress bar redraws its line without ending it.
        var output = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer, timeout.Token)) > 0)
        {
            output.Append(buffer, 0, read);
            if (killWhenOutputContains is not null && output.ToString().Contains(killWhenOutputContains, StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
                return (true, output.ToString());
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await errors);
        return (false, output.ToString());
    }
}
