using System.Globalization;
using System.Text;

namespace Trade4Msmes.Web.Search;

// Words of policy texts in English, French and Spanish made comparable: lower case, no accents, and a light
// stem per language ("financement", "financements", "finance" → "financ"; "pequeñas", "pequeño" → "pequen").
// The app stems rather than the database engine, so SQLite (FTS5 knows only English stemming) and PostgreSQL
// (whose French and Spanish configurations keep accents without the unaccent extension) find the same records.
public static class PolicyText
{
    // Words that say nothing on their own in any of the three languages; a query made only of them finds all.
    static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "are", "be",
        "its", "their", "this", "that", "it", "was", "were", "has", "have", "which",
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "en", "au", "aux", "pour", "par", "sur",
        "dans", "avec", "qui", "que", "est", "sont", "se", "ses", "son", "sa", "ce", "cette", "ces",
        "el", "los", "las", "lo", "uno", "unos", "unas", "y", "o", "del", "al", "para", "por", "con", "es",
        "su", "sus", "como", "este", "esta", "estos", "estas",
    ];

    // Folded words of a text, in order, with where each starts and ends in the text (for highlighting).
    public static IEnumerable<(string Word, int Start, int End)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return (Fold(text[start..i]), start, i);
                start = -1;
            }
        }
    }

    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ': folded.Append("oe"); break;
                case 'æ': folded.Append("ae"); break;
                case 'ß': folded.Append("ss"); break;
                case var _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark: break;
                default: folded.Append(c); break;
            }
        }
        return folded.ToString();
    }

    public static bool IsStopWord(string folded) => (folded.Length < 2 && !char.IsDigit(folded[0])) || StopWords.Contains(folded);

    // What the full-text index stores for a text written in one language: its stems, space-separated.
    public static string Terms(string language, params IEnumerable<string?> texts) =>
        string.Join(' ', texts.OfType<string>().SelectMany(t => Words(t)).Select(w => w.Word)
            .Where(w => !IsStopWord(w)).Select(w => Stem(w, language)));

    // The stems a query word may have: it may be English, French or Spanish whatever the interface language.
    public static IReadOnlyList<string> QueryStems(string foldedWord) =>
        Languages.Supported.Select(l => Stem(foldedWord, l)).Distinct().ToList();

    public static string Stem(string folded, string language) => folded.Length <= 3 || folded.Any(char.IsDigit)
        ? folded
        : language switch
        {
            "fr" => StemFrench(folded),
            "es" => StemSpanish(folded),
            _ => StemEnglish(folded),
        };

    static readonly Dictionary<string, string> EnglishIrregular = new(StringComparer.Ordinal)
    {
        ["women"] = "woman",
        ["men"] = "man",
        ["children"] = "child",
        ["people"] = "person",
        ["data"] = "datum",
    };

    // Plurals, -ing, -ed and a final e ("measures", "measured", "measure" → "measur").
    static string StemEnglish(string w)
    {
        if (EnglishIrregular.TryGetValue(w, out var irregular))
        {
            return irregular;
        }
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
        }
        return Trim(w, 'e');
    }

    // Plural, then the commonest derivational endings, then a final e ("financements", "financier" → "financ").
    static string StemFrench(string w)
    {
        if (w.EndsWith("aux", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "al";
        }
        else if ((w.EndsWith('s') || w.EndsWith('x')) && w.Length > 4)
        {
            w = w[..^1];
        }
        w = StripSuffix(w, "ement", "ation", "ateur", "atrice", "ique", "iere", "ier", "euse", "eur", "ite");
        return Trim(w, 'e');
    }

    // Plural, then the commonest derivational endings, then a final vowel ("pequeñas", "pequeño" → "pequen").
    static string StemSpanish(string w)
    {
        if (w.EndsWith("ces", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "z";
        }
        else if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && !"aeiou".Contains(w[^3], StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && w.Length > 4)
        {
            w = w[..^1];
        }
        w = StripSuffix(w, "amiento", "imiento", "acion", "mente", "idad", "ero", "era");
        return w.Length > 4 && "aeo".Contains(w[^1], StringComparison.Ordinal) ? w[..^1] : w;
    }

    static string StripSuffix(string w, params string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 4)
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }

    static string Trim(string w, char ending) => w.Length > 4 && w[^1] == ending ? w[..^1] : w;
}
