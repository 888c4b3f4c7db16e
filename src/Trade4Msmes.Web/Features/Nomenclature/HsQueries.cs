using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Nomenclature;

public record HsSectionDto(string Number, string Title, string? FirstChapter, string? LastChapter);

public record HsPathItem(string Level, string Code, string Description);

public record HsChildDto(string Code, string Level, string Description);

public record HsCorrelationDto(string Code, string Description, string Relationship);

public record HsNodeDto(
    string Code,
    int Edition,
    string Level,
    string Description,
    IReadOnlyList<HsPathItem> Path,
    IReadOnlyList<HsChildDto> Children,
    // Subheadings only: the other edition's overlapping subheadings (UNSD correlation table).
    int CorrelatedEdition,
    int CorrelationCount,
    IReadOnlyList<HsCorrelationDto> Correlations);

public record HsSectionPageDto(int Edition, HsSectionDto Section, IReadOnlyList<HsChildDto> Chapters);

public class HsQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<HsSectionDto>> SectionsAsync(int edition, CancellationToken ct)
    {
        var sections = await db.HsSections.Where(s => s.Edition == edition).OrderBy(s => s.Position).ToListAsync(ct);
        var chapters = await db.HsCodes.Where(c => c.Edition == edition && c.Level == HsLevel.Chapter)
            .Select(c => new { c.SectionNumber, c.Code }).ToListAsync(ct);
        var ranges = chapters.GroupBy(c => c.SectionNumber)
            .ToDictionary(g => g.Key, g => (First: g.Select(c => c.Code).Order(StringComparer.Ordinal).First(), Last: g.Select(c => c.Code).Order(StringComparer.Ordinal).Last()));
        return sections.Select(s => new HsSectionDto(s.Number, s.Title,
            ranges.GetValueOrDefault(s.Number).First, ranges.GetValueOrDefault(s.Number).Last)).ToList();
    }

    public async Task<HsSectionPageDto?> SectionAsync(int edition, string number, CancellationToken ct)
    {
        var section = (await SectionsAsync(edition, ct)).FirstOrDefault(s => s.Number == number);
        if (section is null)
        {
            return null;
        }
        var chapters = await db.HsCodes
            .Where(c => c.Edition == edition && c.Level == HsLevel.Chapter && c.SectionNumber == number)
            .OrderBy(c => c.Code)
            .Select(c => new HsChildDto(c.Code, "chapter", c.Description))
            .ToListAsync(ct);
        return new HsSectionPageDto(edition, section, chapters);
    }

    public async Task<HsNodeDto?> NodeAsync(int edition, string code, int correlationLimit, CancellationToken ct)
    {
        var node = await db.HsCodes.FirstOrDefaultAsync(c => c.Edition == edition && c.Code == code, ct);
        if (node is null)
        {
            return null;
        }
        var ancestorCodes = new[] { code[..2], code.Length > 4 ? code[..4] : "" }.Where(c => c.Length > 0 && c != code).ToList();
        var ancestors = await db.HsCodes.Where(c => c.Edition == edition && ancestorCodes.Contains(c.Code))
            .OrderBy(c => c.Code).ToListAsync(ct);
        var section = await db.HsSections.FirstAsync(s => s.Edition == edition && s.Number == node.SectionNumber, ct);
        var path = new List<HsPathItem> { new("section", section.Number, section.Title) };
        path.AddRange(ancestors.Select(a => new HsPathItem(LevelName(a.Level), a.Code, a.Description)));

        var children = await db.HsCodes.Where(c => c.Edition == edition && c.ParentCode == code)
            .OrderBy(c => c.Code)
            .Select(c => new HsChildDto(c.Code, c.Level == HsLevel.Heading ? "heading" : "subheading", c.Description))
            .ToListAsync(ct);

        var other = edition == HsEdition.Current ? HsEdition.Previous : HsEdition.Current;
        var (count, correlations) = node.Level == HsLevel.Subheading
            ? await CorrelationsAsync(edition, code, correlationLimit, ct)
            : (0, []);
        return new HsNodeDto(node.Code, edition, LevelName(node.Level), node.Description, path, children, other, count, correlations);
    }

    async Task<(int, IReadOnlyList<HsCorrelationDto>)> CorrelationsAsync(int edition, string code, int limit, CancellationToken ct)
    {
        var other = edition == HsEdition.Current ? HsEdition.Previous : HsEdition.Current;
        var others = db.HsCodes.Where(c => c.Edition == other);
        var rows = edition == HsEdition.Current
            ? from p in db.HsCorrelations
              where p.Hs2022Code == code
              join c in others on p.Hs2017Code equals c.Code
              select new { c.Code, c.Description, p.Relationship }
            : from p in db.HsCorrelations
              where p.Hs2017Code == code
              join c in others on p.Hs2022Code equals c.Code
              select new { c.Code, c.Description, p.Relationship };
        var count = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.Code).Take(limit).ToListAsync(ct);
        return (count, page.Select(r => new HsCorrelationDto(r.Code, r.Description, r.Relationship)).ToList());
    }

    static string LevelName(HsLevel level) => level switch
    {
        HsLevel.Chapter => "chapter",
        HsLevel.Heading => "heading",
        _ => "subheading",
    };
}
