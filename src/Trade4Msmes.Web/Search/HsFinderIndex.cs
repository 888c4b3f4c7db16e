using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Search;

public record HsPathStep(string Level, string Code, string Description);

public record HsMatch(string Code, string Description, double Score, double Confidence, IReadOnlyList<HsPathStep> Path,
    IReadOnlyList<string> MatchedWords, string? SimilarProduct);

public record ClarificationOption(string Code, string Label, string Query);

public record Clarification(string Reason, IReadOnlyList<ClarificationOption> Options);

public record HsFinderAnswer(IReadOnlyList<HsMatch> Results, Clarification? Clarification, IReadOnlyList<string> UnknownWords);

// The HS finder's in-memory index (docs/hs-finder.md): BM25 over each HS 2022 subheading's own text, its
// heading's text and the labelled example descriptions that point to it, with misspellings corrected against
// the index vocabulary and French/Spanish words translated through the project's vocabulary first.
public sealed partial class HsFinderIndex
{
    const double K1 = 1.2;
    const double B = 0.75;
    const double OwnWeight = 1.0;
    const double HeadingWeight = 0.45;
    const double ExampleWeight = 0.9;
    // Share of the best example evidence of a heading that its other subheadings receive.
    const double SiblingExampleWeight = 0.5;
    const double SynonymWeight = 0.7;
    const double PrecisionFloor = 0.7;
    const double HeadWeight = 1.2;
    const int MaxQueryTerms = 24;

    // Words about the question, not the product: "HS code for leather bags", "tariff classification of ...".
    static readonly HashSet<string> QueryNoise =
    [
        "hs", "hts", "code", "codes", "tariff", "classification", "classify", "classified", "customs", "duty", "duties",
        "import", "imported", "importation", "export", "exported", "number", "heading", "subheading", "ruling", "what", "which",
        "certain", "various", "htsus",
    ];

    // How customs rulings and requests open before naming the product: "Tariff classification of …",
    // "Eligibility under the Nairobi Protocol concerning …", "Country of origin and marking of …".
    static readonly HashSet<string> RulingLeads =
    [
        "classification", "tariff", "eligibility", "origin", "country", "marking", "applicability", "status", "affirmation",
        "revocation", "modification", "application", "protest", "reconsideration", "request", "subheading", "hts", "htsus",
    ];

    // What introduces the product after such wording, most specific first.
    static readonly string[] ProductMarkers = [" concerning ", " regarding ", " of "];

    readonly List<Subheading> subheadings = [];
    // Each subheading's own positive terms, to prefer a text the query explains fully over one it only touches.
    readonly List<HashSet<string>> ownTerms = [];
    readonly Field own;
    readonly Field heading;
    readonly Field examples;
    readonly List<(string Text, int Subheading)> exampleTexts = [];
    readonly HashSet<string> vagueTexts;
    readonly Dictionary<string, Dictionary<string, string>> vocabularies;
    readonly Dictionary<string, List<string>> trigramIndex = new(StringComparer.Ordinal);

    sealed record Subheading(string Code, string Description, IReadOnlyList<HsPathStep> Path);

    // One BM25 field: postings term -> (document, frequency), and document lengths.
    sealed class Field
    {
        public readonly Dictionary<string, List<(int Doc, int Frequency)>> Postings = new(StringComparer.Ordinal);
        public readonly List<int> Lengths = [];
        public double AverageLength;

        public int Add(List<string> terms)
        {
            var doc = Lengths.Count;
            Lengths.Add(terms.Count);
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!Postings.TryGetValue(group.Key, out var list))
                {
                    Postings[group.Key] = list = [];
                }
                list.Add((doc, group.Count()));
            }
            return doc;
        }

        public void Seal() => AverageLength = Lengths.Count == 0 ? 1 : Math.Max(1, Lengths.Average());

        public double Idf(string term) =>
            Postings.TryGetValue(term, out var list)
                ? Math.Log(1 + (Lengths.Count - list.Count + 0.5) / (list.Count + 0.5))
                : 0;
    }

    // Everything the index is built from, read from the database.
    public static async Task<HsFinderIndex> LoadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.HsCodes.Where(c => c.Edition == HsEdition.Current).ToListAsync(ct),
        await db.HsSections.Where(s => s.Edition == HsEdition.Current).ToListAsync(ct),
        await db.HsFinderExamples.ToListAsync(ct),
        await db.HsFinderTerms.ToListAsync(ct),
        await db.HsHeadingKeywords.ToListAsync(ct));

    public int SubheadingCount => subheadings.Count;

    public int ExampleCount => exampleTexts.Count;

    public HsFinderIndex(
        IEnumerable<HsCode> codes, IEnumerable<HsSection> sections, IEnumerable<HsFinderExample> labelled, IEnumerable<HsFinderTerm> terms,
        IEnumerable<HsHeadingKeywords> headingKeywords)
    {
        var keywords = headingKeywords.ToDictionary(k => k.Heading, k => k.Keywords, StringComparer.Ordinal);
        own = new Field();
        heading = new Field();
        examples = new Field();
        var byCode = codes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var sectionTitles = sections.ToDictionary(s => s.Number, s => s.Title, StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in byCode.Values.Where(c => c.Level == HsLevel.Subheading).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var parent = byCode[code.ParentCode!];
            var chapter = byCode[code.Code[..2]];
            var path = new List<HsPathStep>
            {
                new("section", code.SectionNumber, sectionTitles.GetValueOrDefault(code.SectionNumber, "")),
                new("chapter", chapter.Code, chapter.Description),
                new("heading", parent.Code, parent.Description),
            };
            positions[code.Code] = subheadings.Count;
            subheadings.Add(new Subheading(code.Code, code.Description, path));
            var ownText = TextNormalizer.Terms(code.Description, markNegation: true);
            // A word counts once: HS texts list synonyms ("tennis shoes, basketball shoes, gym shoes"), not emphasis.
            own.Add(ownText.Distinct(StringComparer.Ordinal).ToList());
            ownTerms.Add(ownText.Where(t => !t.StartsWith(TextNormalizer.Negated, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
            var headingText = $"{parent.Description}; {chapter.Description}; {keywords.GetValueOrDefault(parent.Code)}";
            heading.Add(TextNormalizer.Terms(headingText, markNegation: true).Distinct(StringComparer.Ordinal).ToList());
        }
        vagueTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in labelled)
        {
            if (example.Hs6 is null)
            {
                vagueTexts.Add(Key(example.Text));
            }
            else if (positions.TryGetValue(example.Hs6, out var position))
            {
                examples.Add(TextNormalizer.Terms(example.Text, markNegation: true));
                exampleTexts.Add((example.Text, position));
            }
        }
        own.Seal();
        heading.Seal();
        examples.Seal();
        vocabularies = terms
            .GroupBy(t => t.Language, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g
                .GroupBy(t => Key(t.Term), StringComparer.Ordinal)
                .ToDictionary(t => t.Key, t => string.Join(' ', t.Select(x => x.English)), StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var term in own.Postings.Keys.Concat(heading.Postings.Keys).Concat(examples.Postings.Keys).Distinct(StringComparer.Ordinal))
        {
            if (term.StartsWith(TextNormalizer.Negated, StringComparison.Ordinal) || term.Length < 4)
            {
                continue;
            }
            foreach (var gram in Trigrams(term))
            {
                if (!trigramIndex.TryGetValue(gram, out var list))
                {
                    trigramIndex[gram] = list = [];
                }
                list.Add(term);
            }
        }
    }

    public HsFinderAnswer Search(string query, string language, int limit)
    {
        var (terms, unknown) = QueryTerms(query, language);
        // Nothing recognisable (emoji, symbols, unknown words), or a database command rather than a description:
        // "drop" and "table" are product words, but "'; DROP TABLE …; --" is not a product.
        if (terms.Count == 0 || LooksLikeCode(query))
        {
            return new HsFinderAnswer([], new Clarification("no-match", []), unknown);
        }
        var scores = new Dictionary<int, double>();
        var matched = new Dictionary<int, HashSet<string>>();
        var bestExample = new Dictionary<int, (int Example, double Score)>();
        foreach (var (term, weight, original) in terms)
        {
            Accumulate(own, term, OwnWeight * weight, original, scores, matched);
            Accumulate(heading, term, HeadingWeight * weight, original, scores, matched);
        }
        // Examples: the best-matching example per subheading counts, so many weak examples do not add up.
        var exampleScores = new Dictionary<int, double>();
        var exampleMatched = new Dictionary<int, HashSet<string>>();
        foreach (var (term, weight, original) in terms)
        {
            Accumulate(examples, term, ExampleWeight * weight, original, exampleScores, exampleMatched);
        }
        foreach (var (example, score) in exampleScores)
        {
            var position = exampleTexts[example].Subheading;
            if (!bestExample.TryGetValue(position, out var best) || score > best.Score)
            {
                bestExample[position] = (example, score);
            }
        }
        // A labelled example is evidence for its heading too: its siblings share part of it, so the right
        // heading rises even when the example names a neighbouring subheading.
        var headingEvidence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (position, best) in bestExample)
        {
            var parent = subheadings[position].Code[..4];
            headingEvidence[parent] = Math.Max(headingEvidence.GetValueOrDefault(parent), best.Score);
        }
        foreach (var position in scores.Keys.Union(bestExample.Keys).ToList())
        {
            var direct = bestExample.TryGetValue(position, out var best) ? best.Score : 0;
            var sibling = headingEvidence.GetValueOrDefault(subheadings[position].Code[..4]);
            scores[position] = scores.GetValueOrDefault(position) + (1 - SiblingExampleWeight) * direct + SiblingExampleWeight * sibling;
        }
        foreach (var (position, best) in bestExample)
        {
            if (!matched.TryGetValue(position, out var words))
            {
                matched[position] = words = new HashSet<string>(StringComparer.Ordinal);
            }
            words.UnionWith(exampleMatched[best.Example]);
        }
        var queryTerms = terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        // Reward subheadings that account for the whole description, not one frequent word of it.
        var weights = terms.GroupBy(t => t.Original).ToDictionary(g => g.Key, g => g.Max(t =>
            Math.Max(Math.Max(own.Idf(t.Term), heading.Idf(t.Term)), examples.Idf(t.Term)) * t.Weight));
        var ranked = scores
            .Select(s =>
            {
                var covered = matched[s.Key].Sum(w => weights.GetValueOrDefault(w));
                var coverage = Math.Min(1, covered / Math.Max(weights.Values.Sum(), 1e-9));
                var described = ownTerms[s.Key];
                var precision = described.Count == 0 ? 0.5 : (double)described.Count(queryTerms.Contains) / described.Count;
                return (Position: s.Key, Score: s.Value * (0.35 + 0.65 * coverage * coverage) * (PrecisionFloor + (1 - PrecisionFloor) * precision), Coverage: coverage);
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => subheadings[s.Position].Code, StringComparer.Ordinal)
            .Take(Math.Max(limit, 10))
            .ToList();
        if (ranked.Count == 0)
        {
            return new HsFinderAnswer([], new Clarification("no-match", []), unknown);
        }
        var top = ranked[0].Score;
        var temperature = Math.Max(0.15 * top, 1e-6);
        var softmax = ranked.Select(r => Math.Exp((r.Score - top) / temperature)).ToList();
        var sum = softmax.Sum();
        var results = ranked.Take(limit).Select((r, i) =>
        {
            var s = subheadings[r.Position];
            var similar = bestExample.TryGetValue(r.Position, out var e) ? exampleTexts[e.Example].Text : null;
            return new HsMatch(s.Code, s.Description, Math.Round(r.Score, 3), Math.Round(softmax[i] / sum * r.Coverage, 3), s.Path,
                matched[r.Position].Order(StringComparer.Ordinal).ToList(), similar);
        }).ToList();
        return new HsFinderAnswer(results, Clarify(query, results, terms.Select(t => t.Original).Distinct().Count()), unknown);
    }

    // Ask the question that tells the candidates apart when the description is on HMRC's list of too-vague
    // descriptions, when one word leaves several candidates ("shoes", "oil"), or when nothing stands out.
    Clarification? Clarify(string query, List<HsMatch> results, int words)
    {
        var vague = vagueTexts.Contains(Key(query));
        // One word rarely decides a subheading: any candidate half as good as the best is a real alternative.
        var close = results.Skip(1).Take(3).Count(r => r.Score >= (words <= 1 ? 0.5 : 0.8) * results[0].Score);
        var ambiguous = words <= 1 && close >= 1 || results[0].Confidence < 0.2 && close >= 2;
        if (!vague && !ambiguous)
        {
            return null;
        }
        var candidates = results.Take(4).ToList();
        var labels = candidates
            .Select(r => r.Path[^1].Code == candidates[0].Path[^1].Code ? r.Description : $"{r.Path[^1].Description}; {r.Description}")
            .ToList();
        var options = candidates
            .Select((r, i) => new ClarificationOption(r.Code, Distinguishing(labels[i], labels), $"{query} {r.Description}"))
            .ToList();
        return new Clarification(vague ? "vague" : "ambiguous", options);
    }

    // What sets a candidate apart: its text without the clauses every candidate shares
    // ("Coffee; roasted, not decaffeinated" among coffees -> "roasted, not decaffeinated").
    static string Distinguishing(string label, List<string> all)
    {
        static List<string> Clauses(string text) =>
            text.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var shared = all.Select(l => Clauses(l).Select(c => c.ToLowerInvariant()).ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var own = Clauses(label).Where(c => !shared.Contains(c.ToLowerInvariant())).ToList();
        return own.Count == 0 ? label : string.Join(", ", own);
    }

    static void Accumulate(Field field, string term, double weight, string original,
        Dictionary<int, double> scores, Dictionary<int, HashSet<string>> matched)
    {
        if (!field.Postings.TryGetValue(term, out var postings))
        {
            return;
        }
        var idf = field.Idf(term);
        foreach (var (doc, frequency) in postings)
        {
            var norm = frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * field.Lengths[doc] / field.AverageLength));
            scores[doc] = scores.GetValueOrDefault(doc) + weight * idf * norm;
            if (!matched.TryGetValue(doc, out var words))
            {
                matched[doc] = words = new HashSet<string>(StringComparer.Ordinal);
            }
            words.Add(original);
        }
    }

    // The query as weighted English index terms, each with the word the user typed: French and Spanish words
    // translated, everyday English words expanded with the words HS texts use, misspellings corrected.
    (List<(string Term, double Weight, string Original)> Terms, List<string> Unknown) QueryTerms(string query, string language)
    {
        var words = TextNormalizer.Words(TextNormalizer.Fold(ProductIn(query))).Where(w => !QueryNoise.Contains(w)).Take(MaxQueryTerms).ToList();
        var english = language == "en" ? words.Select(w => (Text: w, Original: w)).ToList() : Translate(words, language);
        var expansions = vocabularies.TryGetValue("en", out var synonyms)
            ? Phrases(english.SelectMany(e => e.Text.Split(' ').Select(w => (Text: w, e.Original))).ToList(), synonyms)
            : [];

        var terms = new List<(string, double, string)>();
        var unknown = new List<string>();
        var negated = false;
        foreach (var (text, original) in english)
        {
            if (text is "not" or "non" or "without" or "no")
            {
                negated = true;
                continue;
            }
            foreach (var term in TextNormalizer.Terms(text))
            {
                // Sizes, weights and model numbers ("500g", "205/55R16") say nothing about the subheading.
                if (term.Any(char.IsDigit))
                {
                    continue;
                }
                var value = negated ? TextNormalizer.Negated + term : term;
                if (!negated && term.StartsWith("un", StringComparison.Ordinal) && IsKnown(TextNormalizer.Negated + term[2..]))
                {
                    // "unroasted" is how HS texts' "not roasted" is usually typed.
                    value = TextNormalizer.Negated + term[2..];
                }
                if (IsKnown(value))
                {
                    terms.Add((value, 1.0, original));
                }
                else if (!negated && expansions.All(x => x.Original != original) && Correct(term) is { } corrected)
                {
                    terms.Add((corrected, 0.8, original));
                }
                else if (expansions.All(x => x.Original != original))
                {
                    unknown.Add(original);
                }
            }
        }
        // The product is the head of the noun phrase: last in English ("olive wood salad bowl"), first in French
        // and Spanish ("bol en bois d'olivier"); the other words qualify it.
        if (terms.Select(t => t.Item3).Distinct().Count() > 1)
        {
            var head = language == "en" ? terms[^1].Item3 : terms[0].Item3;
            terms = terms.Select(t => t.Item3 == head ? (t.Item1, t.Item2 * HeadWeight, t.Item3) : t).ToList();
        }
        foreach (var (text, original) in expansions)
        {
            terms.AddRange(TextNormalizer.Terms(text, markNegation: true).Where(IsKnown).Select(t => (t, SynonymWeight, original)));
        }
        return (terms, unknown);
    }

    // The product named in a ruling's or request's wording: "Affirmation of NY N321380; Classification of hamper
    // tote bags" -> "hamper tote bags"; "Eligibility … under Nairobi Protocol concerning toilet lifting device" ->
    // "toilet lifting device". Clauses after the last such wording stay ("Classification of shirts; knitted").
    // A description that does not open with such wording is returned as it is.
    public static string ProductIn(string query)
    {
        var clauses = query.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (clauses.Length == 0 || !OpensWithRulingWording(clauses[0]))
        {
            return query;
        }
        var last = Array.FindLastIndex(clauses, OpensWithRulingWording);
        // The wording may come in layers ("Country of origin marking of …"): peel until the product remains.
        var product = clauses[last];
        while (OpensWithRulingWording(product))
        {
            var at = ProductMarkers
                .Select(marker => (Marker: marker, At: product.IndexOf(marker, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(m => m.At >= 0);
            if (at.Marker is null)
            {
                // Only a reference is left ("Subheading 9817.00.96, HTSUS"): the product is in the clauses after it.
                product = "";
                break;
            }
            product = product[(at.At + at.Marker.Length)..];
        }
        return string.Join("; ", clauses.Skip(last + 1).Prepend(product).Where(c => c.Length > 0));
    }

    static bool LooksLikeCode(string query) =>
        (query.Contains("--", StringComparison.Ordinal) || query.Contains(';', StringComparison.Ordinal) || query.Contains('\'', StringComparison.Ordinal))
        && SqlCommand().IsMatch(query);

    [GeneratedRegex(@"\b(select|insert|update|delete|drop|alter|union|exec)\b.*\b(from|into|table|set|where|select)\b",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SqlCommand();

    static bool OpensWithRulingWording(string text) =>
        TextNormalizer.Words(TextNormalizer.Fold(text)).FirstOrDefault() is { } first && RulingLeads.Contains(first);

    // French or Spanish words to English through the vocabulary, longest phrase first; unknown words stay as typed.
    List<(string Text, string Original)> Translate(List<string> words, string language)
    {
        if (!vocabularies.TryGetValue(language, out var vocabulary))
        {
            return words.Select(w => (w, w)).ToList();
        }
        var english = new List<(string, string)>();
        for (var i = 0; i < words.Count;)
        {
            var n = Math.Min(3, words.Count - i);
            for (; n >= 1; n--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n));
                var en = Singulars(phrase).Select(p => vocabulary.GetValueOrDefault(p)).FirstOrDefault(e => e is not null);
                if (en is not null)
                {
                    if (en.Length > 0)
                    {
                        english.Add((en, phrase));
                    }
                    break;
                }
            }
            if (n == 0)
            {
                english.Add((words[i], words[i]));
                n = 1;
            }
            i += n;
        }
        return english;
    }

    // Synonym phrases found in the words (longest first), as (expansion, typed words).
    static List<(string Text, string Original)> Phrases(List<(string Text, string Original)> words, Dictionary<string, string> synonyms)
    {
        var found = new List<(string, string)>();
        for (var i = 0; i < words.Count;)
        {
            var n = Math.Min(3, words.Count - i);
            for (; n >= 1; n--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(n).Select(w => w.Text));
                if (synonyms.TryGetValue(phrase, out var hs) || synonyms.TryGetValue(TextNormalizer.Stem(phrase), out hs)
                    || phrase.EndsWith('s') && synonyms.TryGetValue(phrase[..^1], out hs))
                {
                    found.Add((hs, string.Join(' ', words.Skip(i).Take(n).Select(w => w.Original).Distinct())));
                    break;
                }
            }
            i += Math.Max(n, 1);
        }
        return found;
    }

    bool IsKnown(string term) => own.Postings.ContainsKey(term) || heading.Postings.ContainsKey(term) || examples.Postings.ContainsKey(term);

    // The closest index term by shared trigrams, for misspellings ("jewlery", "cofee"); null if none is close.
    string? Correct(string term)
    {
        if (term.Length < 4)
        {
            return null;
        }
        var grams = Trigrams(term).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in grams)
        {
            if (trigramIndex.TryGetValue(gram, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    counts[candidate] = counts.GetValueOrDefault(candidate) + 1;
                }
            }
        }
        string? best = null;
        var bestScore = 0.0;
        foreach (var (candidate, shared) in counts)
        {
            var dice = 2.0 * shared / (grams.Count + Trigrams(candidate).Count());
            if (dice > bestScore || dice == bestScore && best is not null && string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestScore = dice;
            }
        }
        return bestScore >= 0.5 ? best : null;
    }

    static IEnumerable<string> Trigrams(string term)
    {
        var padded = $"^{term}$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    // The phrase, then its French and Spanish singulars: "tomates" -> "tomate", "chapeaux" -> "chapeau",
    // "pantalones" -> "pantalon", "metaux" -> "metal".
    static IEnumerable<string> Singulars(string phrase)
    {
        yield return phrase;
        var words = phrase.Split(' ');
        yield return string.Join(' ', words.Select(w => w.Length > 3 && (w.EndsWith('s') || w.EndsWith('x')) ? w[..^1] : w));
        yield return string.Join(' ', words.Select(w => w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) ? w[..^2] : w));
        yield return string.Join(' ', words.Select(w => w.Length > 4 && w.EndsWith("aux", StringComparison.Ordinal) ? w[..^3] + "al" : w));
    }

    static string Key(string text) => string.Join(' ', TextNormalizer.Words(TextNormalizer.Fold(text)));
}
