using System.Globalization;
using Trade4Msmes.Web.Features.Agreements;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.MarketAccess;

// What a person or a client asked, before it is checked; shared by the page and the API so both reject the same
// input with the same words. A product is an HS code (6 digits, or a national line whose first 6 digits are used)
// or a plain-words description for the HS finder.
public record MarketAccessInput(
    string? Product, string? Origin, string? Destination, string? Value, string? Currency, string? Quantity, string? Unit,
    string? AsOf, string? Channel)
{
    public const int MaxProductLength = 200;

    // A comparison across markets: the same product, origin and date, and no destination.
    public static MarketAccessInput ForComparison(string? product, string? origin, string? asOf) =>
        new(product, origin, null, null, null, null, null, asOf, null) { ComparesMarkets = true };

    public bool ComparesMarkets { get; private init; }
    public static readonly string[] Channels = ["any", "courier", "postal"];

    // Numbers are read in the given culture: the API's is invariant ("1500.50"); a French page's takes "1500,50".
    public bool TryParse(DateOnly today, CultureInfo numbers, out ParsedMarketAccessInput parsed, out InputError? error)
    {
        error = Check(today, numbers, out parsed);
        return error is null;
    }

    InputError? Check(DateOnly today, CultureInfo numbers, out ParsedMarketAccessInput parsed)
    {
        parsed = default!;
        var product = Product?.Trim() ?? "";
        if (product.Length == 0)
        {
            return new InputError("Give a product: an HS code such as 090121, or a few words such as “roasted coffee”.");
        }
        if (product.Length > MaxProductLength)
        {
            return new InputError("A product description has at most {0} characters.", MaxProductLength);
        }
        string? hs6 = null;
        var digits = product.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.All(char.IsAsciiDigit))
        {
            if (digits.Length is < 6 or > 12)
            {
                return new InputError("“{0}” is not an HS subheading: give 6 digits, such as 090121.", product);
            }
            hs6 = digits[..6];
        }
        if (!EconomyCode.TryNormalize(Origin?.Trim(), out var origin))
        {
            return new InputError("Choose the origin: the economy where the product is made, as three letters such as KEN.");
        }
        var destination = "";
        if (!ComparesMarkets && !EconomyCode.TryNormalize(Destination?.Trim(), out destination))
        {
            return new InputError("Choose the destination market, as three letters such as USA.");
        }
        var asOf = today;
        if (!string.IsNullOrWhiteSpace(AsOf)
            && !DateOnly.TryParseExact(AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return new InputError("“{0}” is not a date: write it as YYYY-MM-DD, for example 2026-01-31.", AsOf);
        }
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (!TryAmount(Value, numbers, out var v))
            {
                return new InputError("“{0}” is not a customs value: give a positive number such as 1500.00.", Value);
            }
            value = v;
        }
        decimal? quantity = null;
        if (!string.IsNullOrWhiteSpace(Quantity))
        {
            if (!TryAmount(Quantity, numbers, out var q))
            {
                return new InputError("“{0}” is not a quantity: give a positive number such as 250.", Quantity);
            }
            quantity = q;
        }
        var currency = Currency?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(currency) && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            return new InputError("“{0}” is not a currency code: use three letters such as USD, EUR or GBP.", Currency!);
        }
        var unit = Unit?.Trim();
        if (unit is { Length: > 20 })
        {
            return new InputError("“{0}” is not a unit: use one such as kg, l, No. or doz.", unit);
        }
        var channel = Channel?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(channel) && !Channels.Contains(channel))
        {
            return new InputError("Unknown shipping channel “{0}”. Use one of: {1}.", Channel!, string.Join(", ", Channels));
        }
        parsed = new ParsedMarketAccessInput(hs6, hs6 is null ? product : null, origin, destination, asOf, value,
            string.IsNullOrEmpty(currency) ? null : currency, quantity, string.IsNullOrEmpty(unit) ? null : unit,
            string.IsNullOrEmpty(channel) || channel == "any" ? null : channel);
        return null;
    }

    // Spaces group digits in many languages ("1 500,50"); other thousands separators are refused rather than guessed,
    // since "1,500" means 1500 in English and 1.5 in French.
    static bool TryAmount(string text, CultureInfo culture, out decimal amount) =>
        decimal.TryParse(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), NumberStyles.AllowDecimalPoint, culture, out amount)
        && amount is > 0 and < 1_000_000_000_000m;
}

public record ParsedMarketAccessInput(
    string? Hs6, string? Words, string Origin, string Destination, DateOnly AsOf, decimal? Value, string? Currency,
    decimal? Quantity, string? Unit, string? Channel)
{
    public MarketAccessRequest For(string? hs6) => new(hs6, Origin, Destination, AsOf, Value, Currency, Quantity, Unit, Channel);
}
