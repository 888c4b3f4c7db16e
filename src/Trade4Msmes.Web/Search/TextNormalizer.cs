using System.Globalization;
using System.Text;

namespace Trade4Msmes.Web.Search;

// Turns product descriptions and queries into comparable English terms: lower case, no accents, one spelling
// (British and American, "t-shirt"/"tshirt"), singular, no filler words. Negated words in HS descriptions
// ("Coffee; not roasted") become "not_roasted", so "roasted coffee" does not match the unroasted subheading.
public static class TextNormalizer
{
    public const string Negated = "not_";

    static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "its", "their", "this",
        "that", "these", "those", "is", "are", "be", "been", "being", "it", "into", "than", "such", "which", "whether", "also",
        "other", "others", "thereof", "therefor", "therewith", "nes", "nec", "etc", "eg", "ie", "incl", "including", "kind",
        "kinds", "type", "types", "used", "use", "put", "up", "my", "our", "your", "some", "any", "per", "each", "all",
        "but", "so", "very", "new", "item", "items", "product", "products", "goods", "article", "articles", "heading",
        "subheading", "chapter", "no", "nos", "similar", "like", "form", "forms", "pc", "pcs", "x",
    ];

    // Words after which the rest of the clause is negated in HS texts.
    static readonly HashSet<string> Negators = ["not", "non", "excluding", "excl", "except", "without", "neither", "nor"];

    static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["colour"] = "color",
        ["colours"] = "colors",
        ["coloured"] = "colored",
        ["jewellery"] = "jewelry",
        ["jewelery"] = "jewelry",
        ["jewellry"] = "jewelry",
        ["aluminium"] = "aluminum",
        ["tyre"] = "tire",
        ["tyres"] = "tires",
        ["fibre"] = "fiber",
        ["fibres"] = "fibers",
        ["grey"] = "gray",
        ["mould"] = "mold",
        ["moulds"] = "molds",
        ["moulded"] = "molded",
        ["sulphur"] = "sulfur",
        ["sulphate"] = "sulfate",
        ["yoghurt"] = "yogurt",
        ["yoghourt"] = "yogurt",
        ["pyjamas"] = "pajamas",
        ["pyjama"] = "pajama",
        ["catalogue"] = "catalog",
        ["centre"] = "center",
        ["metre"] = "meter",
        ["litre"] = "liter",
        ["litres"] = "liters",
        ["programme"] = "program",
        ["plough"] = "plow",
        ["cosy"] = "cozy",
        ["storey"] = "story",
        ["harbour"] = "harbor",
        ["flavour"] = "flavor",
        ["flavoured"] = "flavored",
        ["flavouring"] = "flavoring",
        ["odour"] = "odor",
        ["vapour"] = "vapor",
        ["tonne"] = "ton",
        ["cheque"] = "check",
        ["organisation"] = "organization",
        ["fertiliser"] = "fertilizer",
        ["fertilisers"] = "fertilizers",
        ["sterilised"] = "sterilized",
        ["pasteurised"] = "pasteurized",
        ["homogenised"] = "homogenized",
        ["vulcanised"] = "vulcanized",
        ["galvanised"] = "galvanized",
        ["synthetised"] = "synthesized",
        ["waggon"] = "wagon",
        ["kerb"] = "curb",
        ["chilli"] = "chili",
        ["chillies"] = "chili",
    };

    public static string Fold(string text)
    {
        // Decompose accented letters and drop the marks: "torréfié" -> "torrefie", "algodón" -> "algodon".
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'œ' => "oe", 'æ' => "ae", 'ß' => "ss", _ => c.ToString() });
            }
        }
        return builder.ToString().Replace("t-shirt", "tshirt", StringComparison.Ordinal).Replace("t shirt", "tshirt", StringComparison.Ordinal);
    }

    // Words of a folded text, split on anything that is not a letter or digit.
    public static List<string> Words(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        return words;
    }

    // Spelling variants only; what everyday words mean in HS terms is data (data/hs-finder/synonyms.csv).
    // English terms of a text: folded, stop words dropped, spelling unified, singular.
    // With markNegation, words in a clause after "not"/"non"/"excluding" are prefixed with "not_".
    public static List<string> Terms(string text, bool markNegation = false)
    {
        var folded = Fold(text);
        var terms = new List<string>();
        foreach (var clause in markNegation ? folded.Split([',', ';', '(', ')', ':']) : [folded])
        {
            var negated = false;
            var previous = "";
            var beforePrevious = "";
            foreach (var word in Words(clause))
            {
                // "whether or not refined" allows both, so it is no negation; "(other than cotton)" excludes cotton.
                var allowsBoth = word == "not" && previous == "or" && beforePrevious == "whether";
                if (markNegation && !allowsBoth && (Negators.Contains(word) || word == "than" && previous == "other"))
                {
                    negated = true;
                    (beforePrevious, previous) = (previous, word);
                    continue;
                }
                (beforePrevious, previous) = (previous, word);
                if (allowsBoth)
                {
                    continue;
                }
                if (StopWords.Contains(word) || word.Length < 2 && !char.IsDigit(word[0]))
                {
                    continue;
                }
                var term = Stem(Spellings.GetValueOrDefault(word, word));
                terms.Add(negated ? Negated + term : term);
            }
        }
        return terms;
    }

    // A light English stemmer: enough to make plurals and their singulars meet ("bags"/"bag", "berries"/"berry").
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[^1]))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("zes", StringComparison.Ordinal) || word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^2];
        }
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }
}
