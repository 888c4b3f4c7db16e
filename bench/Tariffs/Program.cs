using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.MarketAccess;
using Trade4Msmes.Web.Features.Tariffs;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;

// bench/Tariffs: importing the full US HTS (~35,700 rows) as a new schedule version, and the market-access answer,
// in process. Usage: dotnet run -c Release --project bench/Tariffs [-- --postgres "Host=...;Database=..."]
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
const int ImportRuns = 5;
const int Questions = 2000;

var work = Directory.CreateTempSubdirectory("tariffs-bench");
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
        ["ConnectionStrings:Default"] = postgres ?? $"Data Source={Path.Combine(work.FullName, "bench.db")}",
    }).Build();
    var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddAppDatabase(configuration)
        .AddReferenceData()
        .AddOperations()
        .AddScoped<TariffTransmissions>()
        .AddScoped<MarketAccessQuery>()
        .BuildServiceProvider();
    await services.PrepareDatabaseAsync();

    Console.WriteLine($"Tariff benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
        + (postgres is null ? "SQLite" : "PostgreSQL"));

    // Import: read and parse the USITC export, then store it as the next version in one transaction.
    var parse = new List<double>();
    var store = new List<double>();
    var lines = 0;
    for (var run = 0; run < ImportRuns; run++)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = Stopwatch.StartNew();
        var draft = UsTariffSchedule.Read(Csv.ReadRows(UsTariffSchedule.File), DateTimeOffset.UtcNow);
        parse.Add(clock.Elapsed.TotalMilliseconds);
        draft.Schedule.Origin = TariffScheduleOrigin.Transmitted;
        draft.Schedule.ValidFrom = new DateOnly(2027 + run, 1, 1);
        clock.Restart();
        await scope.ServiceProvider.GetRequiredService<TariffTransmissions>().SaveAsync(draft, new Actor("benchmark"), null, CancellationToken.None);
        store.Add(clock.Elapsed.TotalMilliseconds);
        lines = draft.Lines.Count;
    }
    var total = parse.Zip(store, (p, s) => p + s).ToList();
    Console.WriteLine($"import US HTS 2026 rev. 4 ({lines:N0} lines from 35,733 rows), {ImportRuns} runs: "
        + $"median {Median(total):0} ms (read+parse {Median(parse):0} ms, store {Median(store):0} ms), min {total.Min():0} ms, max {total.Max():0} ms");

    // Market access: random questions over the shipped lines, one DbContext per question as in a request.
    List<string> subheadings;
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        subheadings = await db.TariffLines.Select(l => l.Hs6).Distinct().Where(h => db.HsCodes.Any(c => c.Edition == 2022 && c.Code == h)).ToListAsync();
    }
    string[] origins = ["KEN", "AUS", "BRA", "CHN", "MEX", "FRA", "VNM", "PER", "CUB", "JAM"];
    string[] destinations = ["USA", "USA", "GBR", "FRA", "DEU"];
    var random = new Random(7);
    var latencies = new List<double>();
    var answeredLines = 0;
    for (var i = -200; i < Questions; i++)
    {
        var request = new MarketAccessRequest(subheadings[random.Next(subheadings.Count)], origins[random.Next(origins.Length)],
            destinations[random.Next(destinations.Length)], new DateOnly(2026, 11, 22), Value: 10_000m, Currency: "USD", Quantity: 500m, Unit: "kg");
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<MarketAccessQuery>().AnswerAsync(request, "en", CancellationToken.None);
        if (i >= 0)
        {
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            answeredLines += answer!.Lines.Count;
        }
    }
    latencies.Sort();
    Console.WriteLine($"market-access answer, {Questions} questions ({answeredLines / (double)Questions:0.0} lines each on average): "
        + $"p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms");
}
finally
{
    SqliteCleanup();
    work.Delete(recursive: true);
}

static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

// SQLite keeps pooled connections open; clear them so the temporary folder can be deleted.
static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
