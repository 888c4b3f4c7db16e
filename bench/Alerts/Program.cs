using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;
using Trade4Msmes.Web.Features.Alerts;
using Trade4Msmes.Web.Features.Tariffs;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;

// bench/Alerts: a new version of the US schedule in which the MFN duty of every line changed (> 10,000 lines) is
// matched against 100,000 subscriptions, as AlertDispatcher does it: compare the versions, store the changes,
// read the subscriptions, match, store one alert per subscriber. Usage:
//   dotnet run -c Release --project bench/Alerts [-- --postgres "Host=...;Database=..."]
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
const int Subscriptions = 100_000;
const int Runs = 3;

var work = Directory.CreateTempSubdirectory("alerts-bench");
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
        .AddScoped<TariffScheduleQueries>()
        .AddSingleton<OutboxSender>()
        .AddAlerts(configuration)
        .BuildServiceProvider();
    await services.PrepareDatabaseAsync();
    Console.WriteLine($"Alerts benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
        + (postgres is null ? "SQLite" : "PostgreSQL"));

    // Version 2 of the shipped US schedule: every MFN duty one point higher (or 1% where it was free or specific).
    int scheduleId, changedLines;
    await using (var scope = services.CreateAsyncScope())
    {
        var draft = UsTariffSchedule.Read(Csv.ReadRows(UsTariffSchedule.File), DateTimeOffset.UtcNow);
        draft.Schedule.Origin = TariffScheduleOrigin.Transmitted;
        draft.Schedule.ValidFrom = new DateOnly(2027, 1, 1);
        changedLines = 0;
        foreach (var rate in draft.Lines.SelectMany(l => l.Rates.Where(r => r.Kind == TariffRateKind.Mfn).Take(1)))
        {
            rate.Text = rate.AdValorem is { } percent ? $"{percent + 1:0.##}%" : "1%";
            changedLines++;
        }
        scheduleId = (await scope.ServiceProvider.GetRequiredService<TariffTransmissions>().SaveAsync(draft, new Actor("benchmark"), null, CancellationToken.None)).Id;
    }

    // Subscriptions drawn at random (fixed seed) from the real nomenclature and economies.
    var random = new Random(11);
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = await db.HsCodes.Where(c => c.Edition == HsEdition.Current).Select(c => c.Code).ToListAsync();
        var economies = await db.Economies.Select(e => e.Iso3).ToListAsync();
        var words = (await db.HsCodes.Where(c => c.Edition == HsEdition.Current && c.Level == HsLevel.Subheading).Select(c => c.Description).Take(2000).ToListAsync())
            .SelectMany(d => d.Split(' ', ',', ';', ':')).Where(w => w.Length > 5).Distinct().ToList();
        var clock = Stopwatch.StartNew();
        var subscribers = Enumerable.Range(0, Subscriptions).Select(i => new Subscriber
        {
            Email = $"subscriber{i}@example.org",
            Language = i % 3 == 0 ? "fr" : "en",
            CreatedAt = DateTime.UtcNow,
            Subscriptions =
            [
                new Subscription
                {
                    // Most follow a few products; one in five follows keywords only.
                    Products = random.Next(5) == 0 ? "" : string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => codes[random.Next(codes.Count)]).Distinct()),
                    Markets = random.Next(10) switch { < 3 => "", < 6 => "USA", < 7 => "019", _ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => economies[random.Next(economies.Count)]).Distinct()) },
                    Keywords = random.Next(5) == 0 ? words[random.Next(words.Count)] : "",
                    Kinds = (AlertKinds)(1 + random.Next(7)),
                    Frequency = (AlertFrequency)(1 + random.Next(3)),
                    CreatedAt = DateTime.UtcNow,
                    ConfirmedAt = DateTime.UtcNow,
                },
            ],
        }).ToList();
        foreach (var s in subscribers.Where(s => s.Subscriptions[0].Products.Length == 0 && s.Subscriptions[0].Keywords.Length == 0 && s.Subscriptions[0].Markets.Length == 0))
        {
            s.Subscriptions[0].Markets = "USA";
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in subscribers.Chunk(5000))
        {
            db.Subscribers.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"stored {Subscriptions:N0} subscribers with one subscription each in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    var dispatcher = services.GetRequiredService<AlertDispatcher>();
    var totals = new List<double>();
    var diffs = new List<double>();
    var matches = new List<double>();
    int matched = 0, changes = 0;
    for (var run = 0; run < Runs; run++)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            // Start again from an unmatched event.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.AlertItems.ExecuteDeleteAsync();
            await db.TariffChanges.ExecuteDeleteAsync();
            await db.AlertEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.MatchedAt, (DateTime?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null));
        }
        var clock = Stopwatch.StartNew();
        await dispatcher.MatchNextEventAsync(CancellationToken.None);
        totals.Add(clock.Elapsed.TotalMilliseconds);

        // The parts, measured apart: comparing the versions, and matching in memory.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            matched = await db.AlertItems.CountAsync();
            changes = await db.TariffChanges.Select(c => c.LineCode).Distinct().CountAsync();
            clock.Restart();
            await scope.ServiceProvider.GetRequiredService<TariffScheduleQueries>().DiffAsync("USA", 1, 2, CancellationToken.None);
            diffs.Add(clock.Elapsed.TotalMilliseconds);
            var regions = await AlertDispatcher.RegionsAsync(db, CancellationToken.None);
            var active = (await db.Subscriptions.ToListAsync()).Select(s => new ActiveSubscription(s.Id, s.SubscriberId, s.Frequency, AlertCriteria.Of(s, regions))).ToList();
            var lines = (await db.TariffChanges.ToListAsync()).GroupBy(c => c.LineCode)
                .Select(g => new ChangedLine(g.Key, g.First().Hs6.Split(' '), AlertCriteria.WordsOf(g.First().Description))).ToList();
            clock.Restart();
            AlertMatcher.Tariff(active, "USA", lines);
            matches.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
    Console.WriteLine($"schedule {scheduleId}: {changedLines:N0} lines with a new MFN duty ({changes:N0} changed lines found by the comparison), "
        + $"{Subscriptions:N0} subscriptions, {matched:N0} subscribers alerted");
    Console.WriteLine($"match the version end to end, {Runs} runs: median {Median(totals):0} ms (min {totals.Min():0}, max {totals.Max():0}); "
        + $"of which comparing the versions {Median(diffs):0} ms, matching in memory {Median(matches):0} ms");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static double Median(List<double> values) => values.Order().ToList()[values.Count / 2];
