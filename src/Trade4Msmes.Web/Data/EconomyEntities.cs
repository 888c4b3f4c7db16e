namespace Trade4Msmes.Web.Data;

// Names kept in each interface language, because they are data (ISO, UN M49, WTO), not interface text.
public interface INamedInLanguages
{
    string NameEn { get; }
    string NameFr { get; }
    string NameEs { get; }
}

public static class NamedInLanguages
{
    public static string Name(this INamedInLanguages named, string language) => language switch
    {
        "fr" => named.NameFr,
        "es" => named.NameEs,
        _ => named.NameEn,
    };
}

public enum WtoStatus
{
    None = 0,
    Observer = 1,
    Member = 2,
}

// An ISO 3166-1 country or territory, or the European Union (code EUN, as in the WTO Integrated Database).
public class Economy : INamedInLanguages
{
    public string Iso3 { get; set; } = "";
    public string? Iso2 { get; set; }
    public int? NumericCode { get; set; }
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string NameEs { get; set; } = "";
    public int? RegionCode { get; set; }
    public int? SubRegionCode { get; set; }
    public bool IsLeastDeveloped { get; set; }
    public bool IsLandlockedDeveloping { get; set; }
    public bool IsSmallIslandDeveloping { get; set; }
    public WtoStatus WtoStatus { get; set; }
    public DateOnly? WtoMemberSince { get; set; }
    public bool IsMsmeGroupMember { get; set; }
    public int? MsmeGroupJoinedYear { get; set; }
    public string? MsmeGroupSource { get; set; }
    public string? CurrencyCode { get; set; }
}

// A UN M49 region or sub-region, named in the three interface languages.
public class Region : INamedInLanguages
{
    public int Code { get; set; }
    public int? ParentCode { get; set; }
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string NameEs { get; set; } = "";
}

// A bloc that signs trade agreements as one party (the EU, EFTA, MERCOSUR ...).
public class Grouping : INamedInLanguages
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string NameEs { get; set; } = "";
    public List<GroupingMembership> Members { get; set; } = [];
}

public class GroupingMembership
{
    public int Id { get; set; }
    public string GroupingCode { get; set; } = "";
    public string EconomyIso3 { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
