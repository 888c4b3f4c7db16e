namespace Trade4Msmes.Web.Data;

// A regional trade agreement as notified to the WTO (RTA database export).
public class TradeAgreement
{
    public int RtaId { get; set; }
    public string Name { get; set; } = "";
    public string? Coverage { get; set; }
    public string? Type { get; set; }
    public string? Notification { get; set; }
    public string Status { get; set; } = "";
    public DateOnly? SignedGoods { get; set; }
    public DateOnly? SignedServices { get; set; }
    public DateOnly? NotifiedGoods { get; set; }
    public DateOnly? NotifiedServices { get; set; }
    public DateOnly? InForceGoods { get; set; }
    public DateOnly? InForceServices { get; set; }
    public DateOnly? InactiveSince { get; set; }
    public bool IsAccession { get; set; }
    public string? Composition { get; set; }
    public string? Region { get; set; }
    public bool AllPartiesWtoMembers { get; set; }
    public string? Remarks { get; set; }
    public List<AgreementParty> Parties { get; set; } = [];

    // The agreement's card in the WTO RTA database, cited as the source of every agreement shown.
    public static string WtoPage(int rtaId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"https://rtais.wto.org/UI/PublicShowRTAIDCard.aspx?rtaid={rtaId}");

    // The earlier of the goods and services dates: when the agreement first applied.
    public DateOnly? InForceFrom => (InForceGoods, InForceServices) switch
    {
        ({ } g, { } s) => g < s ? g : s,
        (var g, var s) => g ?? s,
    };
}

// A party as the WTO export names it, resolved to an economy or a grouping where possible.
public class AgreementParty
{
    public int Id { get; set; }
    public int RtaId { get; set; }
    public string NameAsListed { get; set; } = "";
    public string? EconomyIso3 { get; set; }
    public string? GroupingCode { get; set; }
    public bool IsCurrent { get; set; }
    public bool IsOriginal { get; set; }
    public DateOnly? EntryDate { get; set; }
    public DateOnly? ExitDate { get; set; }
}

// Derived at load time: the period during which an economy was bound by an agreement,
// directly or through a grouping it belonged to then (see docs/decisions/0002-rta-parties.md).
public class AgreementParticipation
{
    public int Id { get; set; }
    public int RtaId { get; set; }
    public string EconomyIso3 { get; set; } = "";
    public string? ViaGroupingCode { get; set; }
    public DateOnly? From { get; set; }

    // Exclusive: the first day the economy is no longer bound.
    public DateOnly? To { get; set; }
}
