namespace Trade4Msmes.Web.Data;

// The Harmonized System is published in editions; 2022 is current, 2017 is kept for correlation.
public static class HsEdition
{
    public const int Current = 2022;
    public const int Previous = 2017;

    public static bool IsKnown(int edition) => edition is Current or Previous;
}

public enum HsLevel
{
    Chapter = 2,
    Heading = 4,
    Subheading = 6,
}

public class HsSection
{
    public int Edition { get; set; }
    public string Number { get; set; } = ""; // Roman numeral, I to XXI
    public int Position { get; set; }
    public string Title { get; set; } = "";
}

// Codes are strings: leading zeros matter ("0901", not 901).
public class HsCode
{
    public int Edition { get; set; }
    public string Code { get; set; } = "";
    public HsLevel Level { get; set; }
    public string? ParentCode { get; set; }
    public string SectionNumber { get; set; } = "";
    public string Description { get; set; } = "";
}

// One overlapping pair from the UN Statistics Division HS 2022 / HS 2017 correlation table.
public class HsCorrelation
{
    public string Hs2022Code { get; set; } = "";
    public string Hs2017Code { get; set; } = "";
    public string Relationship { get; set; } = ""; // 1:1, 1:n, n:1 or n:n
}
