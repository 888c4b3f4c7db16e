using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task MigrationsCreateEveryTableAndColumnTheModelUses()
    {
        await using var database = TestDatabase.Create();
        await using var app = new AppFactory(database, loadReferenceData: false);
        app.StartServer();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;

        (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(ct)).ShouldBe(["202611220001_Initial", "202611220002_HsFinder", "202611220003_HeadingKeywords", "202611220004_Tariffs", "202611220005_Accounts", "202611220006_Alerts", "202611220007_PublishedData", "202611220008_PolicyRecords", "202611220009_PolicyImports", "202612010010_Portal"]);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = entity.GetProperties()
                .Select(p => $"\"{p.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null))}\"");
#pragma warning disable EF1002 // identifiers come from our own model, not from input
            await db.Database.ExecuteSqlRawAsync($"SELECT {string.Join(", ", columns)} FROM \"{table}\" WHERE 1 = 0", ct);
#pragma warning restore EF1002
        }
    }

    [Fact]
    public async Task RestartingUpgradesInPlaceAndLoadsNothingTwice()
    {
        await using var database = TestDatabase.Create();
        var ct = TestContext.Current.CancellationToken;
        Dictionary<string, int> firstCounts;
        await using (var first = new AppFactory(database))
        {
            first.StartServer();
            firstCounts = await CountsAsync(first, ct);
        }

        await using var second = new AppFactory(database);
        second.StartServer();
        using var scope = second.Services.CreateScope();
        var reloaded = await scope.ServiceProvider.GetRequiredService<Trade4Msmes.Web.Importing.ReferenceDataLoader>().LoadAsync(ct);

        reloaded.ShouldBeEmpty();
        (await CountsAsync(second, ct)).ShouldBe(firstCounts);
        firstCounts["hs_codes"].ShouldBe(6936 + 6705);
    }

    [Fact]
    public async Task TwoInstancesStartingTogetherMigrateAndLoadOnce()
    {
        await using var database = TestDatabase.Create();
        var ct = TestContext.Current.CancellationToken;
        await using var first = new AppFactory(database);
        await using var second = new AppFactory(database);

        await Task.WhenAll(Task.Run(first.StartServer, ct), Task.Run(second.StartServer, ct));

        var counts = await CountsAsync(first, ct);
        counts["hs_codes"].ShouldBe(6936 + 6705);
        counts["reference_data_sets"].ShouldBe(7);
        counts["tariff_schedules"].ShouldBe(3);
        (await CountsAsync(second, ct)).ShouldBe(counts);
    }

    static async Task<Dictionary<string, int>> CountsAsync(AppFactory app, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Dictionary<string, int>
        {
            ["hs_codes"] = await db.HsCodes.CountAsync(ct),
            ["hs_correlations"] = await db.HsCorrelations.CountAsync(ct),
            ["economies"] = await db.Economies.CountAsync(ct),
            ["trade_agreements"] = await db.TradeAgreements.CountAsync(ct),
            ["agreement_participations"] = await db.AgreementParticipations.CountAsync(ct),
            ["reference_data_sets"] = await db.ReferenceDataSets.CountAsync(ct),
            ["tariff_schedules"] = await db.TariffSchedules.CountAsync(ct),
            ["tariff_lines"] = await db.TariffLines.CountAsync(ct),
        };
    }
}
