using Trade4Msmes.Web.Data;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Policy;

// A value a record can be classified under, with its English label (translated where shown).
public sealed record PolicyCategory(string Key, string Label);

// One policy database: its key in addresses and the API, its name, and how its records are classified.
public sealed record PolicyDatabaseInfo(
    PolicyDatabase Database, string Key, string Name, string Description, string CategoryName, IReadOnlyList<PolicyCategory> Categories)
{
    public PolicyCategory? Category(string? key) => Categories.FirstOrDefault(c => c.Key == key);
}

public static class PolicyCatalog
{
    // The checklist of Annex 1 of INF/MSME/4/Rev.2: what members may include about MSMEs in their TPR reports.
    public static readonly PolicyDatabaseInfo Tpr = new(PolicyDatabase.Tpr, "tpr", Phrase("MSME information in Trade Policy Reviews"),
        Phrase("What economies report about MSMEs in their Trade Policy Reviews, by item of the checklist of Annex 1 of INF/MSME/4/Rev.2."),
        Phrase("Checklist item"),
    [
        new("1a", Phrase("1(a) MSME definition for statistical and policy analysis")),
        new("1b", Phrase("1(b) Statistics on MSMEs' role in the economy and their participation in trade")),
        new("1c", Phrase("1(c) Statistics on MSME ownership by diverse groups")),
        new("2a", Phrase("2(a) Specific references to MSMEs in the marketplace framework")),
        new("2b", Phrase("2(b) Consultation mechanisms for MSMEs on new or revised laws and regulations")),
        new("2c", Phrase("2(c) Review processes for new legislation or regulations")),
        new("2d", Phrase("2(d) Assistance for MSMEs to comply with new requirements")),
        new("3a", Phrase("3(a) General government programmes or policies for MSMEs")),
        new("3b", Phrase("3(b) MSME provisions in regional trade agreements")),
        new("3c", Phrase("3(c) Collaborative engagement with other countries")),
    ]);

    public static readonly PolicyDatabaseInfo Rta = new(PolicyDatabase.Rta, "rta", Phrase("MSME provisions in regional trade agreements"),
        Phrase("Chapters and articles of regional trade agreements that concern MSMEs, linked to the agreements notified to the WTO."),
        Phrase("Provision type"),
    [
        new("sme-chapter", Phrase("Dedicated SME chapter")),
        new("sme-article", Phrase("SME article in another chapter")),
        new("cooperation", Phrase("Cooperation")),
        new("information-sharing", Phrase("Information sharing or website")),
        new("committee", Phrase("Committee or contact point")),
        new("dispute-exclusion", Phrase("Exclusion from dispute settlement")),
        new("other", Phrase("Other provision")),
    ]);

    public static readonly PolicyDatabaseInfo Finance = new(PolicyDatabase.Finance, "finance", Phrase("Access to finance for women-led MSMEs"),
        Phrase("Measures that help women-led MSMEs obtain finance, as economies report them."),
        Phrase("Instrument"),
    [
        new("loan", Phrase("Loan or credit line")),
        new("guarantee", Phrase("Credit guarantee")),
        new("grant", Phrase("Grant")),
        new("equity", Phrase("Equity or venture capital")),
        new("trade-finance", Phrase("Trade finance")),
        new("training", Phrase("Training or advice")),
        new("other", Phrase("Other instrument")),
    ]);

    public static readonly PolicyDatabaseInfo Aeo = new(PolicyDatabase.Aeo, "aeo", Phrase("MSME provisions in AEO programmes"),
        Phrase("What authorised economic operator programmes do to let MSMEs in."),
        Phrase("Provision"),
    [
        new("reduced-fees", Phrase("Reduced or no fees")),
        new("simplified-criteria", Phrase("Simplified or adapted criteria")),
        new("guidance", Phrase("Guidance and assistance")),
        new("mutual-recognition", Phrase("Mutual recognition")),
        new("other", Phrase("Other provision")),
    ]);

    public static readonly PolicyDatabaseInfo Covid = new(PolicyDatabase.Covid, "covid", Phrase("COVID-19 support measures for MSMEs"),
        Phrase("Measures economies took to support MSMEs during the COVID-19 pandemic."),
        Phrase("Measure type"),
    [
        new("finance", Phrase("Finance and liquidity")),
        new("tax", Phrase("Tax and fee relief")),
        new("trade-facilitation", Phrase("Trade facilitation")),
        new("digital", Phrase("Digital and e-commerce")),
        new("employment", Phrase("Employment support")),
        new("information", Phrase("Information and advice")),
        new("other", Phrase("Other measure")),
    ]);

    // Category = the annex (INF/MSME/4/Rev.2) the action implements.
    public static readonly PolicyDatabaseInfo Package = new(PolicyDatabase.Package, "package", Phrase("Actions under the December 2020 package"),
        Phrase("What economies did under the annexes of the December 2020 package that the other databases do not hold: Global Trade Helpdesk questionnaires answered, IDB automatic transmission agreements concluded …"),
        Phrase("Annex"),
    [
        new("1", Phrase("Annex 1: MSME information in Trade Policy Reviews")),
        new("2", Phrase("Annex 2: Access to information (Global Trade Helpdesk)")),
        new("3", Phrase("Annex 3: Trade facilitation")),
        new("4", Phrase("Annex 4: MSMEs in regulatory development")),
        new("5", Phrase("Annex 5: Integrated Database (IDB)")),
        new("6", Phrase("Annex 6: Access to finance and cross-border payments")),
    ]);

    public static readonly IReadOnlyList<PolicyDatabaseInfo> All = [Tpr, Rta, Finance, Aeo, Covid, Package];

    public static PolicyDatabaseInfo Of(PolicyDatabase database) => All.First(d => d.Database == database);

    public static PolicyDatabaseInfo? Find(string? key) => All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    // The label of a record's category, or what a record without one means.
    public static string CategoryLabel(PolicyDatabase database, string? category) =>
        Of(database).Category(category)?.Label ?? Phrase("Not specified in the source");

    // The English labels of the fields some databases keep in Details, in the order a record page shows them.
    // "parties" holds the ISO3 codes of the economies an RTA provision binds, separated by spaces.
    public static readonly IReadOnlyList<(string Key, string Label)> DetailFields =
    [
        ("review", Phrase("Review")),
        ("reference", Phrase("Chapter or article")),
        ("parties", Phrase("Parties")),
        ("programme", Phrase("Programme")),
        ("provider", Phrase("Provider")),
        ("eligibility", Phrase("Who is eligible")),
        ("link", Phrase("More information")),
    ];
}
