using System.Globalization;
using System.Text;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Importing;

// `import tariff --economy USA --file schedule.csv [--valid-from 2027-01-01] [--currency USD] [--title ...]
//  [--hs-edition 2022] [--format transmission|usitc-hts]`: the same checks and the same all-or-nothing store as the
// transmission API, for an operator at a terminal, with a progress bar.
public static class TariffImportCommand
{
    public const string Usage =
        "Usage: import tariff --economy ISO3 --file PATH [--format transmission|usitc-hts] [--valid-from YYYY-MM-DD] "
        + "[--currency USD] [--title TEXT] [--hs-edition 2022|2017] [--source TEXT]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var options = Options(args.Skip(2));
        if (args.ElementAtOrDefault(1) != "tariff" || options is null
            || !EconomyCode.TryNormalize(options.GetValueOrDefault("economy"), out var economy)
            || options.GetValueOrDefault("file") is not { } path)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"No such file: {path}");
            return 2;
        }
        if (new FileInfo(path).Length > TariffEndpoints.MaxTransmissionBytes)
        {
            await output.WriteLineAsync($"{path} is larger than {TariffEndpoints.MaxTransmissionBytes / 1024 / 1024} MB; nothing was imported.");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var transmissions = scope.ServiceProvider.GetRequiredService<TariffTransmissions>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var progress = new ConsoleProgressBar(output);
        var format = options.GetValueOrDefault("format") ?? "transmission";
        int? edition = int.TryParse(options.GetValueOrDefault("hs-edition"), CultureInfo.InvariantCulture, out var e) ? e : null;
        var by = $"command line ({Environment.UserName})";
        if (format == "usitc-hts")
        {
            if (options.GetValueOrDefault("valid-from")?.IsoDate() is not { } validFrom)
            {
                await output.WriteLineAsync("--valid-from YYYY-MM-DD is required: the USITC export does not say from when it applies.");
                return 2;
            }
            using var reader = new StreamReader(path, Encoding.UTF8);
            var draft = UsTariffSchedule.Read(Csv.ReadRows(reader), clock.GetUtcNow());
            draft.Schedule.EconomyIso3 = economy;
            draft.Schedule.ValidFrom = validFrom;
            draft.Schedule.Origin = TariffScheduleOrigin.Transmitted;
            draft.Schedule.TransmittedBy = by;
            draft.Schedule.Title = options.GetValueOrDefault("title") ?? $"Harmonized Tariff Schedule ({Path.GetFileName(path)})";
            draft.Schedule.Caveat = null;
            var saved = await transmissions.SaveAsync(draft, new Actor(by), progress, ct);
            await output.WriteLineAsync($"Imported {economy} version {saved.Version}: {draft.Lines.Count} lines, "
                + $"{draft.SkippedRows} rows of chapters 98-99 skipped, {draft.UnparsedRates} rates kept verbatim but not understood.");
            return 0;
        }
        if (format != "transmission")
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        var body = await File.ReadAllBytesAsync(path, ct);
        var header = new TransmissionHeader(options.GetValueOrDefault("valid-from"), options.GetValueOrDefault("title"),
            options.GetValueOrDefault("currency"), edition, options.GetValueOrDefault("source"));
        var kind = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? TariffTransmissions.Format.Json : TariffTransmissions.Format.Csv;
        var report = await transmissions.ReceiveAsync(economy, kind, body, header, by, new Actor(by), ct, progress);
        if (report.Version is null)
        {
            await output.WriteLineAsync($"Nothing imported: {report.Problems.Count}{(report.ProblemsTruncated ? "+" : "")} problem(s).");
            foreach (var p in report.Problems)
            {
                await output.WriteLineAsync($"  line {p.Line}{(p.Field is null ? "" : $", {p.Field}")}: {p.Problem}");
            }
            return 1;
        }
        await output.WriteLineAsync($"Imported {economy} version {report.Version} valid from {report.ValidFrom:yyyy-MM-dd}: "
            + $"{report.Lines} lines, {report.Rates} rates, {report.Programmes} programmes, {report.Imports} import records.");
        return 0;
    }

    static Dictionary<string, string>? Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                return null;
            }
            options[name[2..]] = e.Current;
        }
        return options;
    }

    // "[#########...........]  45%  5,120/11,414 lines", redrawn in place.
    sealed class ConsoleProgressBar(TextWriter output) : LoadProgress("import", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
    {
        int lastPercent = -1;

        public override void Report(int done, int total)
        {
            var percent = total == 0 ? 100 : 100 * done / total;
            if (percent == lastPercent)
            {
                return;
            }
            lastPercent = percent;
            var filled = percent / 5;
            output.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%  {done:N0}/{total:N0} rows");
            if (done >= total)
            {
                output.WriteLine();
            }
        }
    }
}
