using System.Globalization;
using System.Net.Mail;
using System.Text;

using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features.Accounts;

// What an account's email, name and password must be. Each check returns null when fine, or the English
// sentence the page translates.
public static class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;
    public const int MinPasswordLength = 12;

    // Long enough for a pass phrase; short enough that hashing it cannot be used to tie up the server.
    public const int MaxPasswordLength = 128;

    // A plain address, lower-cased: "Ann@Example.ORG " → "ann@example.org". Null when it is not one.
    public static string? NormalizeEmail(string? input)
    {
        var email = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }
        // MailAddress also accepts "Name <a@b>" and quoted forms; only a bare address that reads back unchanged is kept.
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0
            && email.IndexOf('@') is > 0 and var at && email.LastIndexOf('.') > at + 1 && !email.EndsWith('.')
            ? email
            : null;
    }

    // A name shown to editors and in the audit log. Normalised to NFC; refuses invisible and direction-changing
    // characters, which could make one name pass for another ("admin\u202Egro.elpmaxe").
    public static string? CheckName(string? name, out string normalized)
    {
        normalized = (name ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (normalized.Length == 0)
        {
            return Phrase("Enter your name.");
        }
        if (normalized.Length > MaxNameLength)
        {
            return Phrase("A name is at most 100 characters.");
        }
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                return Phrase("A name may not contain invisible or control characters.");
            }
            if (rune.Value is '<' or '>')
            {
                return Phrase("A name may not contain < or >.");
            }
        }
        return null;
    }

    public static string? CheckPassword(string? password, string email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return Phrase("A password is at least 12 characters.");
        }
        if (password.Length > MaxPasswordLength)
        {
            return Phrase("A password is at most 128 characters.");
        }
        var mailbox = email.Split('@')[0];
        if (password.Distinct().Count() < 5 || mailbox.Length >= 4 && password.Contains(mailbox, StringComparison.OrdinalIgnoreCase))
        {
            return Phrase("Choose a password that is harder to guess: not your email address, not one repeated character.");
        }
        return null;
    }
}
