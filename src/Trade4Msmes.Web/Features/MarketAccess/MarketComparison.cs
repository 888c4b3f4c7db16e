using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Features.MarketAccess;

public record MarketComparisonRowDto(
    EconomyRefDto Destination, ScheduleVersionDto Schedule, int LineCount, string Situation, ApplicableRateDto? Lowest,
    ApplicableRateDto? Highest, bool Comparable);

public record MarketComparisonDto(ProductDto Product, EconomyRefDto Origin, DateOnly AsOf, IReadOnlyList<MarketComparisonRowDto> Markets);

// One product from one origin across every market that has tariff data, best available duty first.
public class MarketComparison(AppDbContext db, MarketAccessQuery query)
{
    public async Task<MarketComparisonDto?> CompareAsync(string hs6, string origin, DateOnly asOf, string lang, CancellationToken ct)
    {
        var markets = await db.TariffSchedules.AsNoTracking()
            .Where(s => s.ValidFrom <= asOf).Select(s => s.EconomyIso3).Distinct().OrderBy(e => e).ToListAsync(ct);
        var rows = new List<MarketComparisonRowDto>();
        MarketAccessDto? any = null;
        foreach (var market in markets)
        {
            var answer = await query.AnswerAsync(new MarketAccessRequest(hs6, origin, market, asOf), lang, ct);
            if (answer is null)
            {
                return null;
            }
            any = answer;
            if (answer.Schedule is null)
            {
                continue;
            }
            var best = answer.Lines.Select(l => l.Best).ToList();
            var comparable = best.Count > 0 && best.All(b => b?.Duty.AdValorem is not null && b.Duty.Form is "Free" or "AdValorem");
            var ordered = comparable ? best.OrderBy(b => b!.Duty.AdValorem).ToList() : best;
            rows.Add(new MarketComparisonRowDto(answer.Destination, answer.Schedule, answer.Lines.Count, answer.Situation,
                comparable ? ordered[0] : null, comparable ? ordered[^1] : null, comparable));
        }
        if (any is null)
        {
            var product = await db.HsCodes.AsNoTracking()
                .Where(c => c.Edition == HsEdition.Current && c.Code == hs6 && c.Level == HsLevel.Subheading)
                .Select(c => new ProductDto(c.Code, c.Description, c.Edition)).FirstOrDefaultAsync(ct);
            var economy = await db.Economies.AsNoTracking().FirstOrDefaultAsync(e => e.Iso3 == origin, ct);
            return product is null || economy is null ? null : new MarketComparisonDto(product, new(origin, economy.Name(lang)), asOf, []);
        }
        var sorted = rows
            .OrderBy(r => r.Situation == "ok" ? 0 : 1)
            .ThenBy(r => r.Comparable ? 0 : 1)
            .ThenBy(r => r.Lowest?.Duty.AdValorem ?? decimal.MaxValue)
            .ThenBy(r => r.Destination.Name, StringComparer.Ordinal)
            .ToList();
        return new MarketComparisonDto(any.Product!, any.Origin, asOf, sorted);
    }
}
