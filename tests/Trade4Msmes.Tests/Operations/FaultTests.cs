using System.Diagnostics;
using Npgsql;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Operations;

// The deployment of deploy/ (instances behind nginx) under load while things break. Each stops by itself.
public class FaultTests(AppFixture app)
{
    static readonly string[] Pages =
    [
        "/en/", "/fr/economies/KEN", "/api/v1/hs/search?q=roasted+coffee", "/en/markets?product=090121&origin=KEN&destination=USA",
        "/es/products/find?q=camisetas+de+algodon", "/health",
    ];

    [Fact]
    public async Task KillingOneInstanceUnderLoadFailsNoRequestToTheOther()
    {
        // The shared fixture's database, already loaded; the instances only read it.
        var connection = app.Database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { MaxPoolSize = 20 }.ToString()
            : app.Database.ConnectionString;
        await using var deployment = await Deployment.StartAsync(
            "--instances", "2", "--provider", app.Database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", "--connection", connection);
        var clock = Stopwatch.StartNew();
        var throughBalancer = Load.RunAsync(deployment.BaseUrl, Pages, clients: 6, TimeSpan.FromSeconds(8), clock);
        var toSurvivor = Load.RunAsync(deployment.InstanceUrls[1], Pages, clients: 6, TimeSpan.FromSeconds(8), clock);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var killedAt = clock.Elapsed;
        deployment.KillInstance(1);

        var survivor = await toSurvivor;
        var balanced = await throughBalancer;
        survivor.Where(o => !o.Ok).Take(10).Select(o => o.ToString()).ShouldBeEmpty();
        survivor.Count(o => o.Started > killedAt).ShouldBeGreaterThan(20, "the survivor kept serving");
        // nginx tries a GET again on the other instance when the first refuses or drops it.
        balanced.Where(o => !o.Ok).Take(10).Select(o => o.ToString()).ShouldBeEmpty();
        balanced.Count(o => o.Started > killedAt).ShouldBeGreaterThan(20);
        deployment.InstanceAlive(2).ShouldBeTrue();
    }

    [Fact]
    public async Task RestartingPostgresUnderLoadFailsOnlyDuringTheOutageAndTheAppRecoversByItself()
    {
        if (app.Database.Provider != DatabaseProvider.Postgres)
        {
            Assert.Skip("PostgreSQL only: the test restarts a cluster of its own.");
        }
        await using var deployment = await Deployment.StartAsync("--instances", "1", "--no-nginx", "--no-reference-data");
        string[] paths = ["/health", "/en/notifications?q=cheese", "/api/v1/notifications?q=cheese", "/en/"];
        var clock = Stopwatch.StartNew();
        var load = Load.RunAsync(deployment.InstanceUrls[0], paths, clients: 6, TimeSpan.FromSeconds(14), clock);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var outageStarted = clock.Elapsed;
        await deployment.RestartDatabaseAsync();
        var outageEnded = clock.Elapsed;

        var outcomes = await load;
        var failed = outcomes.Where(o => !o.Ok).ToList();
        // A request that failed was under way while the database was down, or within a second of its return
        // (pooled connections to the old server are found broken, and dropped, on their next use).
        failed.Where(o => o.Ended < outageStarted || o.Started > outageEnded + TimeSpan.FromSeconds(1))
            .Take(10).Select(o => $"{o} (outage {outageStarted.TotalSeconds:0.00}–{outageEnded.TotalSeconds:0.00} s)").ShouldBeEmpty();
        outcomes.Count(o => o.Ok && o.Started > outageEnded + TimeSpan.FromSeconds(1)).ShouldBeGreaterThan(50, "the app serves again without a restart");
        deployment.InstanceAlive(1).ShouldBeTrue();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outcomes.Count} requests, {failed.Count} failed, outage {(outageEnded - outageStarted).TotalSeconds:0.0} s");
    }
}
