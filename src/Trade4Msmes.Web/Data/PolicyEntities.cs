namespace Trade4Msmes.Web.Data;

// The MSME Group's policy databases (INF/MSME/4/Rev.2 and the compendia the Group compiled).
public enum PolicyDatabase
{
    // MSME information in Trade Policy Reviews, by item of the Annex 1 checklist.
    Tpr = 1,

    // MSME provisions in regional trade agreements.
    Rta = 2,

    // Access to finance for women-led MSMEs.
    Finance = 3,

    // MSME provisions in authorised economic operator programmes.
    Aeo = 4,

    // COVID-19 support measures for MSMEs.
    Covid = 5,

    // What an economy did under an annex of the December 2020 package that no other database holds (a Global
    // Trade Helpdesk questionnaire answered, an IDB automatic transmission agreement concluded).
    Package = 6,
}

// One entry of a policy database: what one source document says an economy (or an agreement) does for MSMEs.
// Seeded entries come from documents the platform ships with (SubmissionId null); the others are the published
// content of an economy's submission, replaced when a new version is published.
public class PolicyRecord
{
    public int Id { get; set; }

    // What its address is made of (/en/policy/tpr-can-2024-1), the same across reloads of the shipped entries and
    // new versions of a submission.
    public string Key { get; set; } = "";
    public PolicyDatabase Database { get; set; }

    // Null for an agreement's provision, which belongs to all its parties.
    public string? EconomyIso3 { get; set; }
    public int? RtaId { get; set; }

    // The Annex 1 checklist item ("2b"), provision type, instrument, AEO provision or measure type; null when the
    // source does not say (a report noting that an economy's TPR had MSME information, without the item).
    public string? Category { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    // en, fr or es: the text stays in the language it was written in.
    public string Language { get; set; } = "en";
    public int? Year { get; set; }
    public DateOnly? Date { get; set; }

    // The document the entry is taken from, by its symbol (WT/TPR/G/…, INF/MSME/R/…) or, for a document that
    // prints none, its title and date; and where in it.
    public string SourceSymbol { get; set; } = "";
    public string? SourceLocation { get; set; }
    public string? SourceUrl { get; set; }

    // What only some databases have (review number, chapter and article, provider, programme …), as JSON
    // field name → text; the record page lists them.
    public string Details { get; set; } = "{}";
    public int? SubmissionId { get; set; }

    // Within a submission: which of its entries this is (a TPR checklist fills one entry per item).
    public string? SubmissionPart { get; set; }

    // Set on entries an operator imported from a file (`import policy`): the file and who imported it. Entries
    // with neither this nor a submission are the shipped ones, which a reload of data/policy replaces.
    public string? ImportedFrom { get; set; }

    // Folded and stemmed words of the title, text, economy and agreement (Search/PolicyText.cs): what the
    // full-text index of either database engine reads.
    public string SearchTerms { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
