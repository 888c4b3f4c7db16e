using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Agreements;

public record AgreementFilter(
    string? Party = null, string? Status = null, string? Type = null, DateOnly? InForceOn = null, string? Q = null,
    int Page = 1, int PageSize = AgreementFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
}

public record AgreementSummaryDto(
    int RtaId, string Name, string Status, string? Type, string? Coverage, DateOnly? SignedOn, DateOnly? InForceFrom, DateOnly? InactiveSince);

public record AgreementPageDto(int Total, int Page, int PageSize, IReadOnlyList<AgreementSummaryDto> Results);

public record PartyDto(string NameAsListed, string? Economy, string? Grouping, string? Name, bool Current, bool Original, DateOnly? EntryDate, DateOnly? ExitDate);

public record ParticipantDto(string Economy, string Name, string? Via, DateOnly? From, DateOnly? To);

public record AgreementDto(
    int RtaId, string Name, string Status, string? Type, string? Coverage, string? Notification,
    DateOnly? SignedGoods, DateOnly? SignedServices, DateOnly? NotifiedGoods, DateOnly? NotifiedServices,
    DateOnly? InForceGoods, DateOnly? InForceServices, DateOnly? InactiveSince, bool Accession, string? Composition,
    string? Region, bool AllPartiesWtoMembers, string? Remarks, IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<ParticipantDto> Participants, string Source);

public class AgreementQueries(AppDbContext db)
{
    public async Task<AgreementPageDto> ListAsync(AgreementFilter filter, CancellationToken ct)
    {
        var query = db.TradeAgreements.AsQueryable();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type != null && a.Type.Contains(type));
        }
        if (filter.Q is { Length: > 0 } q)
        {
            // Upper-cased on both sides so the match ignores case on SQLite and PostgreSQL alike.
            var pattern = $"%{q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant()}%";
#pragma warning disable CA1304, CA1311 // translated to SQL upper(), where .NET cultures do not apply
            query = query.Where(a => EF.Functions.Like(a.Name.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
        }
        if (filter.InForceOn is { } on)
        {
            // In force on a date: entered into force (goods or services) by then and not yet inactive.
            query = query.Where(a =>
                (a.InForceGoods != null && a.InForceGoods <= on || a.InForceServices != null && a.InForceServices <= on)
                && (a.InactiveSince == null || a.InactiveSince > on)
                && (a.Status == AgreementStatus.InForce || a.Status == AgreementStatus.InForceForSome || a.Status == AgreementStatus.Inactive));
        }
        if (filter.Party is { } party)
        {
            var participations = db.AgreementParticipations.Where(p => p.EconomyIso3 == party);
            if (filter.InForceOn is { } date)
            {
                participations = participations.Where(p => (p.From == null || p.From <= date) && (p.To == null || p.To > date));
            }
            query = query.Where(a => participations.Any(p => p.RtaId == a.RtaId));
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.InForceGoods ?? a.InForceServices ?? a.SignedGoods ?? a.SignedServices)
            .ThenBy(a => a.Name)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(a => new AgreementSummaryDto(a.RtaId, a.Name, a.Status, a.Type, a.Coverage,
                a.SignedGoods ?? a.SignedServices, a.InForceGoods ?? a.InForceServices, a.InactiveSince))
            .ToListAsync(ct);
        return new AgreementPageDto(total, filter.Page, filter.PageSize, rows);
    }

    public async Task<AgreementDto?> AgreementAsync(int rtaId, string lang, CancellationToken ct)
    {
        var a = await db.TradeAgreements.Include(x => x.Parties).FirstOrDefaultAsync(x => x.RtaId == rtaId, ct);
        if (a is null)
        {
            return null;
        }
        var economyNames = (await db.Economies.ToListAsync(ct)).ToDictionary(e => e.Iso3, e => e.Name(lang));
        var groupingNames = (await db.Groupings.ToListAsync(ct)).ToDictionary(g => g.Code, g => g.Name(lang));
        var participants = await db.AgreementParticipations.Where(p => p.RtaId == rtaId).ToListAsync(ct);
        var collation = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
        return new AgreementDto(
            a.RtaId, a.Name, a.Status, a.Type, a.Coverage, a.Notification, a.SignedGoods, a.SignedServices,
            a.NotifiedGoods, a.NotifiedServices, a.InForceGoods, a.InForceServices, a.InactiveSince, a.IsAccession,
            a.Composition, a.Region, a.AllPartiesWtoMembers, a.Remarks,
            a.Parties.Select(p => new PartyDto(p.NameAsListed, p.EconomyIso3, p.GroupingCode,
                    p.EconomyIso3 is { } e ? economyNames.GetValueOrDefault(e) : p.GroupingCode is { } g ? groupingNames.GetValueOrDefault(g) : null,
                    p.IsCurrent, p.IsOriginal, p.EntryDate, p.ExitDate))
                .OrderBy(p => p.Name ?? p.NameAsListed, collation).ToList(),
            participants.Select(p => new ParticipantDto(p.EconomyIso3, economyNames.GetValueOrDefault(p.EconomyIso3, p.EconomyIso3),
                    p.ViaGroupingCode is { } via ? groupingNames.GetValueOrDefault(via, via) : null, p.From, p.To))
                .OrderBy(p => p.Name, collation).ToList(),
            TradeAgreement.WtoPage(a.RtaId));
    }
}
