namespace Trade4Msmes.Web.Features.Nomenclature;

public static class HsCodeFormat
{
    // Accepts what people type ("0901", "0901.21", "09 01 21") and returns the bare digits of a
    // chapter, heading or subheading; anything else is not an HS code.
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 12)
        {
            return false;
        }
        var digits = new string(input.Where(c => c is not ('.' or ' ')).ToArray());
        if (digits.Length is not (2 or 4 or 6) || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        code = digits;
        return true;
    }

    // 090121 -> 0901.21, the way tariffs print subheadings.
    public static string Display(string code) => code.Length == 6 ? $"{code[..4]}.{code[4..]}" : code;
}
