using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Importing;

// What the HS finder learns from: HMRC's labelled descriptions, its list of too-vague descriptions, and the
// project's French and Spanish vocabulary (data/hs-finder/SOURCE.md, VOCABULARY.md).
public sealed class HsFinderData : IReferenceData
{
    public string Name => "hs-finder";
    public int Version => 2;

    public IReadOnlyList<string> Files { get; } =
        ["hs-finder/examples.csv.gz", "hs-finder/us-hts-lines.csv.gz", "hs-finder/uk-tariff-lines.csv.gz", "hs-finder/vague-terms.csv.gz",
            "hs-finder/vocabulary.csv", "hs-finder/synonyms.csv", "hs-finder/heading-keywords.csv", "hs-finder/subheading-keywords.csv"];

    public async Task ClearAsync(AppDbContext db, CancellationToken ct)
    {
        await db.HsFinderExamples.ExecuteDeleteAsync(ct);
        await db.HsFinderTerms.ExecuteDeleteAsync(ct);
        await db.HsHeadingKeywords.ExecuteDeleteAsync(ct);
    }

    public async Task<int> LoadAsync(AppDbContext db, LoadProgress progress, CancellationToken ct)
    {
        // National tariff lines name products more finely than the six-digit texts ("Golf shoes", "Ski-boots").
        var examples = Csv.ReadRows("hs-finder/examples.csv.gz")
            .Concat(Csv.ReadRows("hs-finder/us-hts-lines.csv.gz"))
            .Concat(Csv.ReadRows("hs-finder/uk-tariff-lines.csv.gz"))
            .Select(r => new HsFinderExample { Text = r["text"], Hs6 = r["hs6"], Source = r["source"] })
            .ToList();
        // The project's everyday names per subheading ("dark chocolate bar" for 1806.32) are labelled examples too,
        // one per name, so a name the user types in full counts as a known product.
        examples.AddRange(Csv.ReadRows("hs-finder/subheading-keywords.csv")
            .SelectMany(r => r["keywords"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(k => new HsFinderExample { Text = k, Hs6 = r["subheading"], Source = "subheading_keywords" })));
        // The vague-terms file is one column without a header.
        using (var reader = ShippedData.OpenText("hs-finder/vague-terms.csv.gz"))
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var text = line.Trim().Trim('"').Trim();
                if (text.Length > 0)
                {
                    examples.Add(new HsFinderExample { Text = text, Source = "uk_fpo_vague_terms" });
                }
            }
        }
        var terms = Csv.ReadRows("hs-finder/vocabulary.csv")
            .Select(r => new HsFinderTerm { Language = r["lang"], Term = r["term"], English = r["en"] })
            .ToList();
        // English synonyms are stored as the "en" vocabulary: everyday word -> the words HS texts use.
        terms.AddRange(Csv.ReadRows("hs-finder/synonyms.csv")
            .Select(r => new HsFinderTerm { Language = "en", Term = r["term"], English = r["hs_terms"] }));
        var keywords = Csv.ReadRows("hs-finder/heading-keywords.csv")
            .Select(r => new HsHeadingKeywords { Heading = r["heading"], Keywords = r["keywords"] })
            .ToList();
        var total = examples.Count + terms.Count + keywords.Count;
        var done = await Bulk.InsertAsync(db, examples, progress, 0, total, ct);
        done = await Bulk.InsertAsync(db, terms, progress, done, total, ct);
        await Bulk.InsertAsync(db, keywords, progress, done, total, ct);
        return total;
    }
}
