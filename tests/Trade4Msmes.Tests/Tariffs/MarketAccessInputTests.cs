using System.Globalization;
using Trade4Msmes.Web.Features.MarketAccess;

namespace Trade4Msmes.Tests.Tariffs;

public class MarketAccessInputTests
{
    static readonly DateOnly Today = new(2026, 11, 22);

    static MarketAccessInput Input(string? value = null, string? product = "0901.21", string? quantity = null) =>
        new(product, "ken", "usa", value, "usd", quantity, "kg", null, null);

    [Theory]
    [InlineData("1500.50", "", 1500.50)]
    [InlineData("1500,50", "fr", 1500.50)]
    [InlineData("1 500,50", "fr", 1500.50)]
    [InlineData("1500,50", "es", 1500.50)]
    public void ValuesAreReadInTheReadersCulture(string value, string culture, decimal expected)
    {
        Input(value).TryParse(Today, CultureInfo.GetCultureInfo(culture), out var parsed, out var error).ShouldBeTrue(error?.Format());

        parsed.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1,500", "")]     // 1500 in English, 1.5 in French: refused rather than guessed
    [InlineData("1500.50", "fr")]
    [InlineData("-3", "")]
    [InlineData("0", "")]
    [InlineData("1e9", "")]
    public void AmbiguousOrImpossibleValuesAreRefused(string value, string culture)
    {
        Input(value).TryParse(Today, CultureInfo.GetCultureInfo(culture), out _, out var error).ShouldBeFalse();

        error!.Message.ShouldContain("not a customs value");
    }

    [Fact]
    public void CodesAreNormalisedAndANationalLineGivesItsSubheading()
    {
        Input(product: "0901.21.00.10").TryParse(Today, CultureInfo.InvariantCulture, out var parsed, out _).ShouldBeTrue();

        (parsed.Hs6, parsed.Words, parsed.Origin, parsed.Destination, parsed.Currency, parsed.AsOf)
            .ShouldBe(("090121", (string?)null, "KEN", "USA", (string?)"USD", Today));
    }

    [Fact]
    public void WordsAreKeptForTheFinder()
    {
        Input(product: "  cafe torrefie ").TryParse(Today, CultureInfo.InvariantCulture, out var parsed, out _).ShouldBeTrue();

        (parsed.Hs6, parsed.Words).ShouldBe(((string?)null, (string?)"cafe torrefie"));
    }
}
