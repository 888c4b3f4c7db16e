namespace Trade4Msmes.Web.Features.Economies;

public static class EconomyCode
{
    // ISO 3166-1 alpha-3 (or EUN for the European Union), in any case: "fra" -> "FRA".
    public static bool TryNormalize(string? input, out string iso3)
    {
        iso3 = "";
        if (input is not { Length: 3 } || !input.All(char.IsAsciiLetter))
        {
            return false;
        }
        iso3 = input.ToUpperInvariant();
        return true;
    }
}
