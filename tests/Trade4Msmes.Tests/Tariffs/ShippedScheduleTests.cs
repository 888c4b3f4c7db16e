using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.Tariffs;

// The API must return every shipped duty exactly as the source prints it. The expected values are read here
// from the source files with rules of the test's own (not the importer's), on a fixed random sample of lines.
public partial class ShippedScheduleTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string AsOf = "2026-11-22";

    // One economy per kind of US programme: FTAs, CAFTA-DR, USMCA, AGOA, CBERA/CBTPA, GSP (lapsed), Nepal
    // (lapsed), Japan, Column 2, and economies with no preference at all.
    static readonly string[] Origins =
        ["AUS", "BHR", "CHL", "COL", "ISR", "JOR", "JPN", "KOR", "MAR", "OMN", "CRI", "PAN", "PER", "SGP", "CAN", "MEX",
         "KEN", "JAM", "HTI", "BRA", "NPL", "CUB", "FRA", "CHN"];

    [GeneratedRegex(@"([^()]+?)\s*\(([^()]*)\)")]
    private static partial Regex SpecialGroup();

    static List<(string Rate, string[] Codes)> SpecialGroups(string special) =>
        SpecialGroup().Matches(special)
            .Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    static Dictionary<string, string> ProgrammeOrigins() =>
        Csv.ReadRows(UsTariffSchedule.ProgrammesFile).ToDictionary(r => r["code"], r => r["origins"]);

    static List<Dictionary<string, string>> UsRateLines() =>
        Csv.ReadRows(UsTariffSchedule.File)
            .Where(r => r["HTS Number"].Replace(".", "") is { Length: 8 or 10 } code && code[..2] is not ("98" or "99")
                && (r["General Rate of Duty"].Length > 0 || r["Special Rate of Duty"].Length > 0 || r["Column 2 Rate of Duty"].Length > 0))
            .ToList();

    [Fact]
    public async Task EveryUsRateLineOfChapters01To97IsStored()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var schedule = await db.TariffSchedules.SingleAsync(s => s.EconomyIso3 == "USA" && s.Origin == TariffScheduleOrigin.Shipped, Ct);

        schedule.LineCount.ShouldBe(UsRateLines().Count);
        schedule.LineCount.ShouldBe(11_415);
    }

    [Fact]
    public async Task FiveHundredSampledUsLinesMatchTheSourceText()
    {
        var client = app.CreateClient();
        var programmes = ProgrammeOrigins();
        var random = new Random(2026);
        var lines = UsRateLines();
        var sample = lines.OrderBy(_ => random.Next()).Take(500).ToList();

        var checkedLines = 0;
        foreach (var row in sample)
        {
            var code = row["HTS Number"].Replace(".", "");
            var origin = Origins[random.Next(Origins.Length)];
            var answer = await client.GetJsonAsync($"/api/v1/market-access?product={code[..6]}&origin={origin}&destination=USA&asOf={AsOf}");
            var line = answer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);
            var general = row["General Rate of Duty"];
            var mfn = line.GetProperty("mfn");
            (mfn.ValueKind == JsonValueKind.Null ? "" : mfn.GetProperty("text").GetString()!).ShouldBe(general, $"MFN of {code}");

            var rates = line.GetProperty("rates").EnumerateArray().Concat(line.GetProperty("notAvailable").EnumerateArray()).ToList();
            var preferences = rates.Where(r => r.GetProperty("basis").GetString() == "Preferential")
                .Select(r => r.GetProperty("duty").GetProperty("text").GetString()!).Order().ToList();
            var expected = SpecialGroups(row["Special Rate of Duty"])
                .Where(g => g.Codes.Any(c => programmes.TryGetValue(c, out var o) && (o == "*" || o.Split(' ').Contains(origin))))
                .Select(g => g.Rate).Order().ToList();
            preferences.ShouldBe(expected, $"preferences of {code} for {origin}");

            var basis = rates.Single(r => r.GetProperty("basis").GetString() is "MFN" or "NonMfn");
            var column2 = row["Column 2 Rate of Duty"];
            if (origin == "CUB" && column2.Length > 0)
            {
                basis.GetProperty("duty").GetProperty("text").GetString().ShouldBe(column2, $"Column 2 of {code}");
            }
            else if (general.Length > 0)
            {
                basis.GetProperty("duty").GetProperty("text").GetString().ShouldBe(general);
            }
            checkedLines++;
        }
        checkedLines.ShouldBe(sample.Count);
    }

    [Theory]
    [InlineData("GBR", "ukgt_duty_rate")]
    [InlineData("FRA", "cet_duty_rate")]
    public async Task SampledUkAndEuLinesMatchTheSourceText(string destination, string column)
    {
        var client = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var random = new Random(2021);
        var rows = Csv.ReadRows(UkGlobalTariff.File);
        var sample = rows.OrderBy(_ => random.Next()).Take(250).ToList();

        foreach (var row in sample)
        {
            var code = row["commodity"];
            // The schedule is on HS 2017 codes; ask with an HS 2022 subheading that correlates to the line's.
            var hs2022 = await db.HsCorrelations.Where(c => c.Hs2017Code == code.Substring(0, 6)).Select(c => c.Hs2022Code).FirstAsync(Ct);
            var answer = await client.GetJsonAsync($"/api/v1/market-access?product={hs2022}&origin=KEN&destination={destination}&asOf={AsOf}");

            var line = answer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);
            line.GetProperty("mfn").GetProperty("text").GetString().ShouldBe(row[column], $"{destination} {code}");
        }
    }

    [Fact]
    public async Task UnderstoodRatesAreFewUnparsedAndNoneIsZeroedSilently()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var unparsed = await db.TariffRates.Where(r => r.Form == "Unparsed").ToListAsync(Ct);
        var schedules = await db.TariffSchedules.Where(s => s.Origin == TariffScheduleOrigin.Shipped).ToListAsync(Ct);

        schedules.Sum(s => s.UnparsedRateCount).ShouldBe(unparsed.Count);
        unparsed.ShouldAllBe(r => r.AdValorem == null && r.SpecificAmount == null);
        var free = await db.TariffRates.Where(r => r.Form == "Free").Select(r => r.Text).Distinct().ToListAsync(Ct);
        free.ShouldAllBe(text => text == "Free" || text.StartsWith('0'));
    }

    [Fact]
    public async Task TheScheduleListShowsEveryVersion()
    {
        var versions = await app.CreateClient().GetJsonAsync("/api/v1/economies/USA/tariff-schedules");

        var shipped = versions.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("origin").GetString() == "Shipped");
        shipped.GetProperty("validFrom").GetString().ShouldBe("2026-01-01");
        shipped.GetProperty("currency").GetString().ShouldBe("USD");
    }
}
