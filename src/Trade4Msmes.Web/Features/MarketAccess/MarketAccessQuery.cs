using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Features.MarketAccess;

public record MarketAccessRequest(
    string? Hs6, string Origin, string Destination, DateOnly AsOf,
    decimal? Value = null, string? Currency = null, decimal? Quantity = null, string? Unit = null, string? Channel = null);

public record EconomyRefDto(string Iso3, string Name);

public record ProductDto(string Code, string Description, int Edition);

public record ProductCandidateDto(string Code, string Description, double Score);

public record DutyDto(string Text, string Form, decimal? AdValorem, bool Parsed);

public record ProgrammeDto(string Code, string Name, string Kind, int? RtaId, string? AgreementUrl, string? Note,
    string? Source, DateOnly? LapsedOn);

// Steps and Missing are the duty parser's English; DeMinimis says the duty was waived as a low-value shipment.
public record EstimateDto(decimal CustomsValue, decimal? Duty, string Currency, IReadOnlyList<string> Steps, string? Missing,
    decimal? LandedCost, bool DeMinimis);

// One rate the origin may use on a line: MFN (or the non-MFN rate that replaces it), or a preference.
public record ApplicableRateDto(string Basis, IReadOnlyList<ProgrammeDto> Programmes, DutyDto Duty, bool Best,
    EstimateDto? Estimate);

public record QuotaDto(string? Programme, decimal? Quantity, string? Unit, string InQuotaRate, string OutOfQuotaRate, decimal? ImportsUnderQuota);

public record TaxDto(string Name, DutyDto Rate);

// Imports at the line in one year, from the asked origin and from all origins, in the schedule's currency.
public record LineImportsDto(int Year, decimal FromOrigin, decimal FromAll, decimal? QuantityFromOrigin, string? Unit);

public record MarketLineDto(
    string Code, string Hs6, string Description, string FullDescription, string? Units, DutyDto? Mfn,
    IReadOnlyList<ApplicableRateDto> Rates, IReadOnlyList<ApplicableRateDto> NotAvailable, ApplicableRateDto? Best,
    IReadOnlyList<QuotaDto> Quotas, IReadOnlyList<TaxDto> Taxes, IReadOnlyList<string> Notes, decimal? AdValoremEquivalent)
{
    public IReadOnlyList<LineImportsDto> Imports { get; init; } = [];
}

public record DeMinimisDto(string AppliesTo, decimal Threshold, string Currency, string Channel, string? Origins,
    string Rule, string Source, DateOnly ValidFrom, DateOnly? ValidTo, bool? Applies);

public record AgreementRefDto(int RtaId, string Name, string Url);

// Situation: "ok"; "no-data" (no schedule for the destination on that date); "domestic" (origin inside the
// destination's customs territory); "no-lines" (a schedule exists but has no line under the product);
// "choose-product" (the product was given in words that fit several subheadings: pick one of the candidates).
public record MarketAccessDto(
    string Situation, ProductDto? Product, EconomyRefDto Origin, EconomyRefDto Destination, EconomyRefDto TariffEconomy,
    DateOnly AsOf, ScheduleVersionDto? Schedule, IReadOnlyList<string> ScheduleCodes, IReadOnlyList<MarketLineDto> Lines,
    IReadOnlyList<DeMinimisDto> DeMinimis, IReadOnlyList<AgreementRefDto> AgreementsInForce,
    IReadOnlyList<ScheduleVersionDto> OtherVersions)
{
    public string? ProductQuery { get; init; }
    public IReadOnlyList<ProductCandidateDto> ProductCandidates { get; init; } = [];
}

// Answers "what does this market charge on my product from my country": the destination's lines under the HS
// subheading, the MFN duty, every preference the origin qualifies for, and an estimate when a value is given.
public class MarketAccessQuery(AppDbContext db)
{
    public const string EuropeanUnion = "EUN";

    public async Task<MarketAccessDto?> AnswerAsync(MarketAccessRequest request, string lang, CancellationToken ct)
    {
        var product = request.Hs6 is null ? null : await db.HsCodes.AsNoTracking()
            .Where(c => c.Edition == HsEdition.Current && c.Code == request.Hs6 && c.Level == HsLevel.Subheading)
            .Select(c => new ProductDto(c.Code, c.Description, c.Edition))
            .FirstOrDefaultAsync(ct);
        var economies = await db.Economies.AsNoTracking()
            .Where(e => e.Iso3 == request.Origin || e.Iso3 == request.Destination || e.Iso3 == EuropeanUnion)
            .ToDictionaryAsync(e => e.Iso3, ct);
        if (product is null && request.Hs6 is not null || !economies.TryGetValue(request.Origin, out var origin)
            || !economies.TryGetValue(request.Destination, out var destination))
        {
            return null;
        }
        var tariffEconomy = await CustomsTerritoryAsync(request.Destination, request.AsOf, ct);
        var originTerritory = await CustomsTerritoryAsync(request.Origin, request.AsOf, ct);
        EconomyRefDto Ref(Economy e) => new(e.Iso3, e.Name(lang));

        var versions = await db.TariffSchedules.AsNoTracking()
            .Where(s => s.EconomyIso3 == tariffEconomy)
            .OrderByDescending(s => s.ValidFrom).ThenByDescending(s => s.Version)
            .ToListAsync(ct);
        var schedule = versions.FirstOrDefault(s => s.ValidFrom <= request.AsOf);
        var agreements = await AgreementsInForceAsync(request.Origin, request.Destination, request.AsOf, ct);
        var deMinimis = await DeMinimisAsync(tariffEconomy, request, ct);
        var answer = new MarketAccessDto(
            "ok", product, Ref(origin), Ref(destination), Ref(economies[tariffEconomy]), request.AsOf,
            schedule is null ? null : TariffScheduleQueries.Version(schedule), [], [], deMinimis, agreements,
            versions.Where(v => v != schedule).Select(TariffScheduleQueries.Version).ToList());

        if (request.Hs6 is null)
        {
            return answer with { Situation = "choose-product" };
        }
        if (originTerritory == tariffEconomy)
        {
            return answer with { Situation = "domestic" };
        }
        if (schedule is null)
        {
            return answer with { Situation = "no-data" };
        }
        var codes = schedule.HsEdition == HsEdition.Current
            ? [request.Hs6!]
            : await db.HsCorrelations.AsNoTracking()
                .Where(c => c.Hs2022Code == request.Hs6).Select(c => c.Hs2017Code).Distinct().OrderBy(c => c).ToListAsync(ct);
        var lines = await db.TariffLines.AsNoTracking()
            .Include(l => l.Rates).Include(l => l.Quotas).AsSplitQuery()
            .Where(l => l.ScheduleId == schedule.Id && codes.Contains(l.Hs6))
            .OrderBy(l => l.Code)
            .ToListAsync(ct);
        var programmes = await db.TariffProgrammes.AsNoTracking()
            .Where(p => p.ScheduleId == schedule.Id).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var waived = deMinimis.Any(d => d.Applies == true && d.AppliesTo.Contains("duty", StringComparison.Ordinal));
        var lineCodes = lines.Select(l => l.Code).ToList();
        var imports = (await db.TariffImports.AsNoTracking()
                .Where(i => i.ScheduleId == schedule.Id && lineCodes.Contains(i.LineCode)).ToListAsync(ct))
            .ToLookup(i => i.LineCode);
        return answer with
        {
            Situation = lines.Count == 0 ? "no-lines" : "ok",
            ScheduleCodes = codes,
            Lines = lines.Select(l => Line(l, programmes, schedule, request, waived) with
            {
                Imports = imports[l.Code].GroupBy(i => i.Year).OrderByDescending(g => g.Key)
                    .Select(g => new LineImportsDto(g.Key,
                        g.Where(i => i.OriginIso3 == request.Origin).Sum(i => i.Value),
                        g.Sum(i => i.Value),
                        g.Where(i => i.OriginIso3 == request.Origin).Sum(i => i.Quantity),
                        g.Select(i => i.Unit).FirstOrDefault(u => u is not null)))
                    .ToList(),
            }).ToList(),
        };
    }

    // Every economy by its name in the reader's language, for the origin and destination lists.
    public async Task<IReadOnlyList<(string Iso3, string Name)>> EconomyChoicesAsync(string lang, CancellationToken ct)
    {
        var collation = StringComparer.Create(CultureInfo.CurrentCulture, true);
        return (await db.Economies.AsNoTracking().ToListAsync(ct))
            .Select(e => (e.Iso3, e.Name(lang))).OrderBy(e => e.Item2, collation).ToList();
    }

    // An EU member's imports are charged the EU's common external tariff.
    public async Task<string> CustomsTerritoryAsync(string iso3, DateOnly on, CancellationToken ct) =>
        await db.GroupingMemberships.AnyAsync(m => m.GroupingCode == EuropeanUnion && m.EconomyIso3 == iso3
            && (m.From == null || m.From <= on) && (m.To == null || m.To > on), ct)
            ? EuropeanUnion
            : iso3;

    static MarketLineDto Line(
        TariffLine line, Dictionary<string, TariffProgramme> programmes, TariffSchedule schedule, MarketAccessRequest request,
        bool dutyWaived)
    {
        ProgrammeDto Programme(string code) => programmes.TryGetValue(code, out var p)
            ? new ProgrammeDto(p.Code, p.Name, p.Kind.ToString(), p.RtaId,
                p.RtaId is { } id ? TradeAgreement.WtoPage(id) : null, p.Note, p.Source, p.LapsedOn)
            : new ProgrammeDto(code, code, "Unknown", null, null, "This programme code is not described in the schedule.", null, null);
        bool Covers(string code) => programmes.TryGetValue(code, out var p) && p.Covers(request.Origin);
        bool InForce(string code) => programmes.TryGetValue(code, out var p) && p.InForceOn(request.AsOf);

        var mfn = line.Rates.FirstOrDefault(r => r.Kind == TariffRateKind.Mfn);
        // A non-MFN rate (e.g. US Column 2) replaces MFN for the origins it names.
        var nonMfn = line.Rates.FirstOrDefault(r => r.Kind == TariffRateKind.NonMfn && Codes(r).Any(Covers));
        var rates = new List<ApplicableRateDto>();
        var notAvailable = new List<ApplicableRateDto>();
        var basis = nonMfn ?? mfn;
        if (basis is not null)
        {
            rates.Add(Rate(basis == mfn ? "MFN" : "NonMfn", Codes(basis).Select(Programme).ToList(), basis, schedule, request, dutyWaived));
        }
        foreach (var preference in line.Rates.Where(r => r.Kind == TariffRateKind.Preferential))
        {
            var qualifying = Codes(preference).Where(Covers).ToList();
            if (qualifying.Count == 0)
            {
                continue;
            }
            var inForce = qualifying.Where(InForce).ToList();
            var target = inForce.Count > 0 ? rates : notAvailable;
            target.Add(Rate("Preferential", (inForce.Count > 0 ? inForce : qualifying).Select(Programme).ToList(),
                preference, schedule, request, dutyWaived));
        }
        var best = BestOf(rates);
        rates = rates.Select(r => r == best ? r with { Best = true } : r).ToList();
        return new MarketLineDto(
            line.Code, line.Hs6, line.Description, line.FullDescription, line.Units, mfn is null ? null : Duty(mfn),
            rates, notAvailable, best is null ? null : best with { Best = true },
            line.Quotas.Select(q => new QuotaDto(q.Programme, q.Quantity, q.Unit, q.InQuotaRate, q.OutOfQuotaRate, q.ImportsUnderQuota)).ToList(),
            line.Rates.Where(r => r.Kind == TariffRateKind.InternalTax).Select(r => new TaxDto(r.Programme ?? "", Duty(r))).ToList(),
            line.Notes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            line.AdValoremEquivalent);
    }

    static string[] Codes(TariffRate rate) =>
        (rate.Programme ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static DutyDto Duty(TariffRate r) => new(r.Text, r.Form, r.AdValorem, r.Form != nameof(DutyForm.Unparsed));

    static ApplicableRateDto Rate(
        string basis, IReadOnlyList<ProgrammeDto> programmes, TariffRate rate, TariffSchedule schedule, MarketAccessRequest request,
        bool dutyWaived)
    {
        EstimateDto? estimate = null;
        if (request.Value is { } value)
        {
            var currency = request.Currency ?? schedule.Currency;
            var duty = DutyExpression.Parse(rate.Text, schedule.Currency).Estimate(value, currency, request.Quantity, request.Unit);
            var waived = dutyWaived && duty.Amount is not null;
            if (waived)
            {
                duty = duty with { Amount = 0m };
            }
            estimate = new EstimateDto(value, duty.Amount, duty.Currency, duty.Steps, duty.Missing,
                duty.Amount is { } amount && string.Equals(currency, duty.Currency, StringComparison.Ordinal) ? value + amount : null,
                waived);
        }
        return new ApplicableRateDto(basis, programmes, Duty(rate), false, estimate);
    }

    // The lowest duty: by the estimate when a value was given, else by the ad valorem rate when every rate has one.
    // Free always wins. Returns null when rates cannot be compared (e.g. specific against ad valorem without a quantity).
    static ApplicableRateDto? BestOf(List<ApplicableRateDto> rates)
    {
        if (rates.Count == 0)
        {
            return null;
        }
        if (rates.Count == 1)
        {
            return rates[0];
        }
        if (rates.FirstOrDefault(r => r.Duty.Form == nameof(DutyForm.Free)) is { } free)
        {
            return free;
        }
        if (rates.All(r => r.Estimate?.Duty is not null))
        {
            return rates.MinBy(r => r.Estimate!.Duty);
        }
        if (rates.All(r => r.Duty.Form == nameof(DutyForm.AdValorem) && r.Duty.AdValorem is not null))
        {
            return rates.MinBy(r => r.Duty.AdValorem);
        }
        return null;
    }

    // A customs territory's de minimis rules in force on a date, by channel and threshold. Sorted here, not in SQL:
    // SQLite compares decimals with EF's collation, which parses them in the request's culture and fails on a French
    // or Spanish page, inside SQLite's callback where nothing can catch it.
    public async Task<List<DeMinimisRule>> DeMinimisInForceAsync(string economy, DateOnly on, CancellationToken ct) =>
        (await db.DeMinimisRules.AsNoTracking()
            .Where(r => r.EconomyIso3 == economy && r.ValidFrom <= on && (r.ValidTo == null || r.ValidTo > on))
            .ToListAsync(ct))
        .OrderBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Threshold).ToList();

    async Task<List<DeMinimisDto>> DeMinimisAsync(string economy, MarketAccessRequest request, CancellationToken ct)
    {
        var rules = await DeMinimisInForceAsync(economy, request.AsOf, ct);
        return rules
            .Where(r => r.Origins is null || r.Origins.Split(' ').Contains(request.Origin, StringComparer.Ordinal))
            .Select(r => new DeMinimisDto(r.AppliesTo, r.Threshold, r.Currency, r.Channel, r.Origins, r.Rule, r.Source,
                r.ValidFrom, r.ValidTo, Applies(r, request)))
            .ToList();
    }

    // Null when it depends on what the user did not say (the value, its currency, or how the goods are sent).
    static bool? Applies(DeMinimisRule rule, MarketAccessRequest request)
    {
        if (request.Value is not { } value || !string.Equals(request.Currency, rule.Currency, StringComparison.Ordinal))
        {
            return null;
        }
        if (value > rule.Threshold)
        {
            return false;
        }
        if (rule.Channel == "any")
        {
            return true;
        }
        return request.Channel is null ? null : request.Channel == rule.Channel;
    }

    async Task<List<AgreementRefDto>> AgreementsInForceAsync(string origin, string destination, DateOnly on, CancellationToken ct)
    {
        var bound = db.AgreementParticipations.Where(p => (p.From == null || p.From <= on) && (p.To == null || p.To > on));
        var rtaIds = bound.Where(p => p.EconomyIso3 == origin).Select(p => p.RtaId)
            .Intersect(bound.Where(p => p.EconomyIso3 == destination).Select(p => p.RtaId));
        var agreements = await db.TradeAgreements.AsNoTracking()
            .Where(a => rtaIds.Contains(a.RtaId) && a.Coverage != "Services")
            .OrderBy(a => a.Name)
            .Select(a => new { a.RtaId, a.Name })
            .ToListAsync(ct);
        return agreements
            .Select(a => new AgreementRefDto(a.RtaId, a.Name, TradeAgreement.WtoPage(a.RtaId)))
            .ToList();
    }
}
