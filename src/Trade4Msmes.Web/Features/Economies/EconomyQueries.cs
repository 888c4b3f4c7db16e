using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Web.Features.Economies;

public record EconomyFilter(int? Region = null, bool? MsmeGroup = null, bool? WtoMember = null, string? Group = null);

public record RegionDto(int Code, string Name);

public record EconomySummaryDto(
    string Iso3, string Name, RegionDto? Region, bool WtoMember, bool MsmeGroupMember,
    bool LeastDeveloped, bool LandlockedDeveloping, bool SmallIslandDeveloping);

public record WtoDto(string Status, DateOnly? MemberSince);

public record MsmeGroupDto(bool Member, int? JoinedYear, string? Source);

public record GroupingMembershipDto(string Code, string Name, DateOnly? From, DateOnly? To);

public record MemberDto(string Iso3, string Name, DateOnly? From, DateOnly? To);

public record EconomyAgreementDto(int RtaId, string Name, string Status, string? Type, DateOnly? InForceFrom, string? Via, DateOnly? From, DateOnly? To);

public record EconomyDto(
    string Iso3, string? Iso2, int? NumericCode, string Name, IReadOnlyDictionary<string, string> Names,
    RegionDto? Region, RegionDto? SubRegion, bool LeastDeveloped, bool LandlockedDeveloping, bool SmallIslandDeveloping,
    string? Currency, WtoDto Wto, MsmeGroupDto MsmeGroup, IReadOnlyList<GroupingMembershipDto> Groupings,
    // For the European Union, which is both an economy and a bloc: its member states, past and present.
    IReadOnlyList<MemberDto> Members,
    IReadOnlyList<EconomyAgreementDto> Agreements);

public class EconomyQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<RegionDto>> RegionsAsync(string lang, CancellationToken ct) =>
        (await db.Regions.Where(r => r.ParentCode == null).ToListAsync(ct))
            .Select(r => new RegionDto(r.Code, r.Name(lang))).OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList();

    public async Task<IReadOnlyList<EconomySummaryDto>> ListAsync(EconomyFilter filter, string lang, CancellationToken ct)
    {
        var query = db.Economies.AsQueryable();
        if (filter.Region is { } region)
        {
            query = query.Where(e => e.RegionCode == region || e.SubRegionCode == region);
        }
        if (filter.MsmeGroup is { } msme)
        {
            query = query.Where(e => e.IsMsmeGroupMember == msme);
        }
        if (filter.WtoMember is { } wto)
        {
            query = query.Where(e => (e.WtoStatus == WtoStatus.Member) == wto);
        }
        query = filter.Group switch
        {
            "ldc" => query.Where(e => e.IsLeastDeveloped),
            "lldc" => query.Where(e => e.IsLandlockedDeveloping),
            "sids" => query.Where(e => e.IsSmallIslandDeveloping),
            _ => query,
        };
        var regions = (await db.Regions.ToListAsync(ct)).ToDictionary(r => r.Code);
        var economies = await query.ToListAsync(ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        return economies
            .Select(e => new EconomySummaryDto(
                e.Iso3, e.Name(lang),
                e.RegionCode is { } rc && regions.TryGetValue(rc, out var r) ? new RegionDto(rc, r.Name(lang)) : null,
                e.WtoStatus == WtoStatus.Member, e.IsMsmeGroupMember,
                e.IsLeastDeveloped, e.IsLandlockedDeveloping, e.IsSmallIslandDeveloping))
            .OrderBy(e => e.Name, collation)
            .ToList();
    }

    public async Task<EconomyDto?> EconomyAsync(string iso3, string lang, CancellationToken ct)
    {
        var e = await db.Economies.FirstOrDefaultAsync(x => x.Iso3 == iso3, ct);
        if (e is null)
        {
            return null;
        }
        var regions = (await db.Regions.Where(r => r.Code == e.RegionCode || r.Code == e.SubRegionCode).ToListAsync(ct))
            .ToDictionary(r => r.Code, r => new RegionDto(r.Code, r.Name(lang)));
        var groupings = await db.GroupingMemberships.Where(m => m.EconomyIso3 == iso3)
            .Join(db.Groupings, m => m.GroupingCode, g => g.Code, (m, g) => new { m, g })
            .ToListAsync(ct);
        var groupingNames = (await db.Groupings.ToListAsync(ct)).ToDictionary(g => g.Code, g => g.Name(lang));
        var members = await db.GroupingMemberships.Where(m => m.GroupingCode == iso3)
            .Join(db.Economies, m => m.EconomyIso3, x => x.Iso3, (m, x) => new { m, x })
            .ToListAsync(ct);
        var agreements = await db.AgreementParticipations.Where(p => p.EconomyIso3 == iso3)
            .Join(db.TradeAgreements, p => p.RtaId, a => a.RtaId, (p, a) => new { p, a })
            .ToListAsync(ct);
        return new EconomyDto(
            e.Iso3, e.Iso2, e.NumericCode, e.Name(lang),
            new Dictionary<string, string> { ["en"] = e.NameEn, ["fr"] = e.NameFr, ["es"] = e.NameEs },
            e.RegionCode is { } rc ? regions.GetValueOrDefault(rc) : null,
            e.SubRegionCode is { } sc ? regions.GetValueOrDefault(sc) : null,
            e.IsLeastDeveloped, e.IsLandlockedDeveloping, e.IsSmallIslandDeveloping, e.CurrencyCode,
            new WtoDto(e.WtoStatus.ToString().ToLowerInvariant(), e.WtoMemberSince),
            new MsmeGroupDto(e.IsMsmeGroupMember, e.MsmeGroupJoinedYear, e.MsmeGroupSource),
            groupings.Select(x => new GroupingMembershipDto(x.g.Code, x.g.Name(lang), x.m.From, x.m.To))
                .OrderBy(g => g.From).ToList(),
            members.Select(x => new MemberDto(x.x.Iso3, x.x.Name(lang), x.m.From, x.m.To))
                .OrderBy(m => m.From).ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList(),
            agreements
                .Select(x => new EconomyAgreementDto(x.a.RtaId, x.a.Name, x.a.Status, x.a.Type, x.a.InForceFrom,
                    x.p.ViaGroupingCode is { } via ? groupingNames.GetValueOrDefault(via, via) : null, x.p.From, x.p.To))
                .OrderBy(a => AgreementStatus.SortOrder(a.Status))
                .ThenByDescending(a => a.InForceFrom)
                .ThenBy(a => a.Name, StringComparer.Ordinal)
                .ToList());
    }
}
