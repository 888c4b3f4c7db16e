using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Lei;

public sealed record LeiCheck(string Code, bool Valid, string? Problem);

// ISO 17442: 20 characters, digits and capital letters, the last two digits check digits under ISO/IEC 7064
// MOD 97-10 (the scheme of IBANs): with letters read as 10 (A) … 35 (Z), the whole number leaves 1 when divided
// by 97. A valid code is well-formed, not necessarily issued: only GLEIF's register says that.
public static class LegalEntityIdentifier
{
    public static LeiCheck Check(string? input)
    {
        // People paste codes with spaces or in lower case; neither is part of the code.
        var code = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (code.Length == 0)
        {
            return new(code, false, Phrase("Enter the 20 characters of an LEI."));
        }
        if (code.Length > 64 || code.Any(c => !char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c)))
        {
            return new(code.Length > 64 ? code[..64] : code, false, Phrase("An LEI has only digits and the letters A to Z."));
        }
        if (code.Length != 20)
        {
            return new(code, false, Phrase("An LEI has exactly 20 characters."));
        }
        if (!char.IsAsciiDigit(code[18]) || !char.IsAsciiDigit(code[19]))
        {
            return new(code, false, Phrase("The last two characters of an LEI are check digits, so they are digits."));
        }
        return Mod97(code) == 1
            ? new(code, true, null)
            : new(code, false, Phrase("The check digits do not match the rest of the code: a character is probably mistyped."));
    }

    // The remainder of the code read as a number, letters expanded to two digits, computed digit by digit.
    static int Mod97(string code)
    {
        var remainder = 0;
        foreach (var c in code)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
