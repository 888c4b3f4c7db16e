namespace Trade4Msmes.Web.Data;

// A description people really typed, with the HS 2022 subheading it belongs to; no code marks a description
// too vague to classify (HMRC's list of vague parcel descriptions).
public class HsFinderExample
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public string? Hs6 { get; set; }
    public string Source { get; set; } = "";
}

// One entry of the finder's French and Spanish vocabulary: a word or phrase and its English terms
// (empty English: a word that carries no product meaning).
public class HsFinderTerm
{
    public int Id { get; set; }
    public string Language { get; set; } = "";
    public string Term { get; set; } = "";
    public string English { get; set; } = "";
}

// Everyday words for the goods of one HS 2022 heading ("handbag; backpack; wallet" for 4202), like the
// alphabetical index of a customs tariff; they join the heading's text in the finder's index.
public class HsHeadingKeywords
{
    public string Heading { get; set; } = "";
    public string Keywords { get; set; } = "";
}
