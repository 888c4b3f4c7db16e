namespace Trade4Msmes.Web.Data;

// One dated version of an economy's applied tariff schedule, as shipped with the product or transmitted by the
// economy (the IDB data of G/MA/357). A new version never overwrites an older one: queries pick by date (asOf).
public class TariffSchedule
{
    public int Id { get; set; }
    public string EconomyIso3 { get; set; } = "";
    public int Version { get; set; }
    public DateOnly ValidFrom { get; set; }
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    public string Currency { get; set; } = "";

    // The HS edition the national lines are based on; lines of an older edition are reached through the correlation.
    public int HsEdition { get; set; }
    public TariffScheduleOrigin Origin { get; set; }
    public string? TransmittedBy { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int LineCount { get; set; }

    // Rates kept verbatim but not understood; shown on the schedule and counted in the import report.
    public int UnparsedRateCount { get; set; }
    public string? Caveat { get; set; }
    public List<TariffProgramme> Programmes { get; set; } = [];
}

public enum TariffScheduleOrigin
{
    Shipped = 1,
    Transmitted = 2,
}

// A national tariff line: the 8- or 10-digit level at which the economy sets its duties.
public class TariffLine
{
    public int Id { get; set; }
    public int ScheduleId { get; set; }
    public string Code { get; set; } = ""; // digits only, e.g. "0901210000"
    public string Hs6 { get; set; } = "";
    public string Description { get; set; } = "";

    // The line's description read with its ancestors ("Coffee — Not roasted — Not decaffeinated"), as many lines say just "Other".
    public string FullDescription { get; set; } = "";
    public string? Units { get; set; }
    public decimal? AdValoremEquivalent { get; set; }
    public string? Notes { get; set; }
    public List<TariffRate> Rates { get; set; } = [];
    public List<TariffRateQuota> Quotas { get; set; } = [];
}

public enum TariffRateKind
{
    Mfn = 1,
    Preferential = 2,

    // Applied to some origins instead of MFN, e.g. the US Column 2 for economies without normal trade relations.
    NonMfn = 3,
    InternalTax = 4,
}

// A duty as printed (Text) and as understood (Form and the parsed parts, for sorting and comparing).
public class TariffRate
{
    public int Id { get; set; }
    public int LineId { get; set; }
    public TariffRateKind Kind { get; set; }

    // The programme or agreement the rate belongs to (preferential and non-MFN rates), or the tax's name.
    public string? Programme { get; set; }
    public string Text { get; set; } = "";
    public string Form { get; set; } = "";
    public decimal? AdValorem { get; set; }
    public decimal? SpecificAmount { get; set; }
    public string? SpecificCurrency { get; set; }
    public string? SpecificUnit { get; set; }
}

// A preferential programme or agreement named in a schedule, and the origins whose goods may qualify.
public class TariffProgramme
{
    public int Id { get; set; }
    public int ScheduleId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public TariffProgrammeKind Kind { get; set; }
    public int? RtaId { get; set; }

    // Space-separated ISO 3166-1 alpha-3 codes, or "*" when any origin may qualify.
    public string Origins { get; set; } = "";
    public string? Note { get; set; }
    public string? Source { get; set; }

    // The first day the programme no longer grants its rates (e.g. an unrenewed authorisation), when known.
    public DateOnly? LapsedOn { get; set; }

    public bool InForceOn(DateOnly date) => LapsedOn is null || date < LapsedOn;

    public bool Covers(string originIso3) =>
        Origins == "*" || Origins.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(originIso3, StringComparer.Ordinal);
}

public enum TariffProgrammeKind
{
    Agreement = 1,
    Unilateral = 2,
    Sectoral = 3,
    NonMfn = 4,
}

// A tariff-rate quota on a line: a lower in-quota rate up to a quantity, the out-of-quota rate beyond it.
public class TariffRateQuota
{
    public int Id { get; set; }
    public int LineId { get; set; }
    public string? Programme { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public string InQuotaRate { get; set; } = "";
    public string OutOfQuotaRate { get; set; } = "";
    public decimal? ImportsUnderQuota { get; set; }
}

// Imports recorded at a national line, by origin, for one year (transmitted with a schedule version).
public class TariffImport
{
    public int Id { get; set; }
    public int ScheduleId { get; set; }
    public string LineCode { get; set; } = "";
    public string OriginIso3 { get; set; } = "";
    public int Year { get; set; }
    public decimal Value { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
}

// A de minimis or low-value-shipment rule, dated and cited, as the calculator applies it.
public class DeMinimisRule
{
    public int Id { get; set; }
    public string EconomyIso3 { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; } // exclusive
    public string AppliesTo { get; set; } = "";
    public decimal Threshold { get; set; }
    public string Currency { get; set; } = "";
    public string Channel { get; set; } = "";
    public string? Origins { get; set; }
    public string Rule { get; set; } = "";
    public string Source { get; set; } = "";
}
