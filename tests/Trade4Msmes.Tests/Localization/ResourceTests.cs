using System.Xml.Linq;
using Trade4Msmes.Tests.Infrastructure;

namespace Trade4Msmes.Tests.Localization;

// Every interface string used in the code must have a French and a Spanish translation, so a missing
// translation fails here rather than showing English on a French page.
public partial class ResourceTests
{
    static readonly string Root = Repository.Root;
    static readonly string Web = Path.Combine(Root, "src", "Trade4Msmes.Web");

    public static TheoryData<string> Languages => new("fr", "es");

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKeyUsedInTheCodeIsTranslated(string lang)
    {
        var translations = Translations(lang);

        var missing = KeysUsedInCode().Where(k => !translations.ContainsKey(k)).ToList();

        missing.ShouldBeEmpty($"missing from SharedResource.{lang}.resx");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TranslationsAreNotEmptyAndKeepTheirPlaceholders(string lang)
    {
        foreach (var (key, value) in Translations(lang))
        {
            value.ShouldNotBeNullOrWhiteSpace(key);
            Placeholders(value).ShouldBe(Placeholders(key), ignoreOrder: true, customMessage: key);
        }
    }

    // The resource compiler keeps only the first of two names that differ by case, so the second would show English.
    [Theory]
    [MemberData(nameof(Languages))]
    public void NoTwoKeysDifferOnlyByCase(string lang) =>
        Translations(lang).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty();

    [Fact]
    public void KeysAreFoundInTheCode() => KeysUsedInCode().Count.ShouldBeGreaterThan(100);

    static HashSet<string> KeysUsedInCode() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    static Dictionary<string, string> Translations(string lang) =>
        XDocument.Load(Path.Combine(Web, "Resources", $"SharedResource.{lang}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"(?:\bL|\bl|\blocalizer)\[""(?<key>(?:[^""\\]|\\.)*)""|(?:new InputError|\bPhrase)\(""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
