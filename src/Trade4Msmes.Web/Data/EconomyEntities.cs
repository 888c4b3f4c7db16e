namespace Trade4Msmes.Web.Data;

public enum WtoStatus
{
    None = 0,
    Observer = 1,
    Member = 2,
}

// An ISO 3166-1 country or territory, or the European Union (code EUN, as in the WTO Integrated Database).
public class Economy
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

    public string Name(string language) => language switch
    {
        "fr" => NameFr,
        "es" => NameEs,
        _ => NameEn,
    };
}

// A UN M49 region or sub-region, named in the three interface languages.
public class Region
{
    public int Code { get; set; }
    public int? ParentCode { get; set; }
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string NameEs { get; set; } = "";

    public string Name(string language) => language switch
    {
        "fr" => NameFr,
        "es" => NameEs,
        _ => NameEn,
    };
}

// A bloc that signs trade agreements as one party (the EU, EFTA, MERCOSUR ...).
public class Grouping
{
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameFr { get; set; } = "";
    public string NameEs { get; set; } = "";
    public List<GroupingMembership> Members { get; set; } = [];

    public string Name(string language) => language switch
    {
        "fr" => NameFr,
        "es" => NameEs,
        _ => NameEn,
    };
}

public class GroupingMembership
{
    public int Id { get; set; }
    public string GroupingCode { get; set; } = "";
    public string EconomyIso3 { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
