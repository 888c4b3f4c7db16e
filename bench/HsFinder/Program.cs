using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Search;

// bench/HsFinder: accuracy of the HS finder on the evaluation sets, share of clarifying questions, and the
// latency of one query in process. Usage: dotnet run -c Release --project bench/HsFinder [-- --misses SET]
var data = Path.Combine(AppContext.BaseDirectory, "data");
// The confidence at which the finder's first answer is called "fairly sure" in the calibration columns.
const double SureConfidence = 0.5;
var showMisses = args.SkipWhile(a => a != "--misses").Skip(1).FirstOrDefault();
var explain = args.SkipWhile(a => a != "--query").Skip(1).FirstOrDefault();
var explainLanguage = args.SkipWhile(a => a != "--lang").Skip(1).FirstOrDefault() ?? "en";

var work = Directory.CreateTempSubdirectory("hs-finder-bench");
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        // HS_FINDER_BENCH_DB keeps the database between runs while tuning: only changed data sets are re-imported.
        ["ConnectionStrings:Default"] = $"Data Source={Environment.GetEnvironmentVariable("HS_FINDER_BENCH_DB") ?? Path.Combine(work.FullName, "bench.db")}",
    }).Build();
    var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddAppDatabase(configuration)
        .AddReferenceData()
        .BuildServiceProvider();
    await services.PrepareDatabaseAsync();

    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var build = Stopwatch.StartNew();
    var index = await HsFinderIndex.LoadAsync(db, CancellationToken.None);
    build.Stop();
    var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
    GC.KeepAlive(index);

    if (explain is not null)
    {
        // One query, explained: for looking at what the finder does while tuning it.
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(index.Search(explain, explainLanguage, 5),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return;
    }
    var sets = EvaluationSets(data);
    Console.WriteLine($"HS finder benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine($"index: {index.SubheadingCount} subheadings, {index.ExampleCount} examples, read and built in {build.Elapsed.TotalMilliseconds:0} ms, {memory / 1024.0 / 1024.0:0.0} MB");
    Console.WriteLine();
    Console.WriteLine($"| set | queries | HS6 top-1 | HS6 top-3 | HS6 top-5 | HS4 top-1 | HS4 top-5 | clarified | wrong, unquestioned | confidence ≥ {SureConfidence} | its top-1 |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    var latencies = new List<double>();
    foreach (var (name, language, cases) in sets)
    {
        int top1 = 0, top3 = 0, top5 = 0, hs4Top1 = 0, hs4Top5 = 0, clarified = 0, silentlyWrong = 0, sure = 0, sureRight = 0;
        var misses = new List<string>();
        foreach (var (query, expected) in cases)
        {
            var answer = index.Search(query, language, 5);
            var found = answer.Results.Select(r => r.Code).ToList();
            var rank = found.IndexOf(expected);
            top1 += rank == 0 ? 1 : 0;
            top3 += rank is >= 0 and < 3 ? 1 : 0;
            top5 += rank >= 0 ? 1 : 0;
            hs4Top1 += found.Count > 0 && found[0][..4] == expected[..4] ? 1 : 0;
            hs4Top5 += found.Any(c => c[..4] == expected[..4]) ? 1 : 0;
            clarified += answer.Clarification is not null ? 1 : 0;
            // What the issue forbids: a wrong first answer given without asking anything.
            silentlyWrong += rank != 0 && answer.Clarification is null ? 1 : 0;
            // Calibration: how often the first answer is right when the finder calls itself fairly sure.
            if (answer.Results.Count > 0 && answer.Results[0].Confidence >= SureConfidence)
            {
                sure++;
                sureRight += rank == 0 ? 1 : 0;
            }
            if (rank != 0)
            {
                misses.Add($"  {query} -> expected {expected}, got {string.Join(" ", found.Take(3))}");
            }
        }
        string Share(int n) => (100.0 * n / cases.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Console.WriteLine($"| {name} | {cases.Count} | {Share(top1)} | {Share(top3)} | {Share(top5)} | {Share(hs4Top1)} | {Share(hs4Top5)} | {Share(clarified)} | {Share(silentlyWrong)} | {Share(sure)} | {(sure == 0 ? "–" : (100.0 * sureRight / sure).ToString("0.0", CultureInfo.InvariantCulture) + "%")} |");
        if (showMisses == name)
        {
            misses.ForEach(Console.Error.WriteLine);
        }
    }

    // Latency: every evaluation query, three rounds after one warm-up round.
    var all = sets.SelectMany(s => s.Cases.Select(c => (c.Query, s.Language))).ToList();
    foreach (var (query, language) in all)
    {
        index.Search(query, language, 5);
    }
    for (var round = 0; round < 3; round++)
    {
        foreach (var (query, language) in all)
        {
            var watch = Stopwatch.StartNew();
            index.Search(query, language, 5);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    latencies.Sort();
    double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine();
    Console.WriteLine($"latency of one query in process over {latencies.Count} queries: p50 {Percentile(0.50):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {latencies[^1]:0.00} ms");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static List<(string Name, string Language, List<(string Query, string Code)> Cases)> EvaluationSets(string data)
{
    var sets = new List<(string, string, List<(string, string)>)>();
    var common = Rows(Path.Combine(data, "common-products.csv"));
    foreach (var language in new[] { "en", "fr", "es" })
    {
        sets.Add(($"common-products-{language}", language, common.Select(r => (r[language], r["hs6"])).ToList()));
    }
    // CROSS ruling subjects, split by ruling number: even numbers are the development half, odd the held-out half.
    var cross = Rows(Path.Combine(data, "cross_rulings.csv"))
        .Select(r => (Ruling: r["ruling_number"], Query: r["description"], Code: r["hts_code"].Replace(".", "", StringComparison.Ordinal)[..6]))
        .ToList();
    sets.Add(("cross-dev", "en", cross.Where(c => RulingNumber(c.Ruling) % 2 == 0).Select(c => (c.Query, c.Code)).ToList()));
    sets.Add(("cross-heldout", "en", cross.Where(c => RulingNumber(c.Ruling) % 2 == 1).Select(c => (c.Query, c.Code)).ToList()));
    sets.Add(("hsclassify-en", "en", Rows(Path.Combine(data, "benchmark_cases.csv"))
        .Where(r => r["language"] == "en").Select(r => (r["text"], r["expected_hs_code"])).ToList()));
    return sets;
}

static int RulingNumber(string ruling) => int.Parse(new string(ruling.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

static List<Dictionary<string, string>> Rows(string path)
{
    using var reader = new StreamReader(path);
    using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
    csv.Read();
    csv.ReadHeader();
    var header = csv.HeaderRecord!;
    var rows = new List<Dictionary<string, string>>();
    while (csv.Read())
    {
        rows.Add(header.Select((h, i) => (h, csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.Item2));
    }
    return rows;
}
