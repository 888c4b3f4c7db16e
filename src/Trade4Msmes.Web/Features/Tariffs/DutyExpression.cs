using System.Globalization;
using System.Text;

namespace Trade4Msmes.Web.Features.Tariffs;

public enum DutyForm { Free, AdValorem, Specific, Compound, Mixed, Other, Unparsed }

/// <summary>An amount of money per quantity, e.g. 77.00 GBP per 100 kg (net drained weight).</summary>
public sealed record SpecificDuty(decimal Amount, string Currency, decimal PerQuantity, string Unit, string? Basis);

public sealed record DutyBound(decimal? Percent, SpecificDuty? Specific);

/// <summary>An ad valorem rate on part of the value only, e.g. 45% "on the case" of a watch.</summary>
public sealed record PartAdValorem(decimal Percent, string Part);

/// <summary>One period of a seasonal rate; <see cref="Period"/> is null for "the rest of the year".</summary>
public sealed record SeasonalDuty(string? Period, DutyExpression Duty);

public sealed record DutyEstimate(decimal? Amount, string Currency, IReadOnlyList<string> Steps, string? Missing);

/// <summary>
/// A customs duty rate as printed in a national tariff schedule (<see cref="Text"/>, verbatim) and what could be read from it.
/// </summary>
public sealed record DutyExpression(
    string Text,
    DutyForm Form,
    decimal? AdValoremPercent,
    IReadOnlyList<SpecificDuty> Specific,
    DutyBound? Minimum,
    DutyBound? Maximum)
{
    public const int MaxLength = 5000;

    /// <summary>Why the text could not be read (Unparsed only), e.g. "'12%%' is not a duty rate: doubled '%'".</summary>
    public string? Problem { get; init; }

    /// <summary>Why the duty cannot be computed from value and quantity (Other only), e.g. "entry price system".</summary>
    public string? OtherReason { get; init; }

    /// <summary>Currency of the specific parts, else the schedule's default currency ("" when none was given).</summary>
    public string Currency { get; init; } = "";

    /// <summary>EU/UK agricultural components such as EA, ADSZ, ADFM.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    public IReadOnlyList<PartAdValorem> PartRates { get; init; } = [];

    public IReadOnlyList<SeasonalDuty> Seasons { get; init; } = [];

    public bool IsParsed => Form != DutyForm.Unparsed;

    public decimal? PlainPercent => Form switch
    {
        DutyForm.Free => 0m,
        DutyForm.AdValorem => AdValoremPercent,
        _ => null,
    };

    public static DutyExpression Parse(string? text, string defaultCurrency)
    {
        var verbatim = text?.Trim() ?? "";
        var currency = DutyText.NormaliseCurrency(defaultCurrency);
        if (verbatim.Length == 0)
        {
            return Unparsed(verbatim, currency, "empty");
        }
        if (verbatim.Length > MaxLength)
        {
            return Unparsed(verbatim, currency, DutyText.NotARate(verbatim, "longer than 5,000 characters"));
        }
        return Classify(verbatim, DutyText.Normalise(verbatim), currency);
    }

    /// <summary>
    /// Splits a US HTS "Special" column such as "Free (A+,AU,BH) 3.2% (KR)" into (rate, programme codes) groups.
    /// Text without a trailing code list becomes a group with no programmes.
    /// </summary>
    public static IReadOnlyList<(string Rate, IReadOnlyList<string> Programmes)> SplitPreferential(string? specialColumn)
    {
        var groups = new List<(string Rate, IReadOnlyList<string> Programmes)>();
        if (string.IsNullOrWhiteSpace(specialColumn))
        {
            return groups;
        }
        var s = DutyText.Normalise(specialColumn);
        var start = 0;
        var lastOpen = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                lastOpen = i;
                continue;
            }
            if (s[i] != ')' || lastOpen < start)
            {
                continue;
            }
            var open = lastOpen;
            lastOpen = -1;
            IReadOnlyList<string>? codes = DutyText.ProgrammeCodes(s[(open + 1)..i]);
            if (codes is null)
            {
                continue;
            }
            var rate = s[start..open].Trim();
            // "See 9919.04.67 (PA (PA)" as printed: a dangling code list before the real one belongs to it.
            var dangling = rate.LastIndexOf('(');
            if (dangling >= 0 && !rate.AsSpan(dangling).Contains(')') && DutyText.ProgrammeCodes(rate[(dangling + 1)..]) is { } extra)
            {
                codes = [.. extra.Concat(codes).Distinct(StringComparer.Ordinal)];
                rate = rate[..dangling].TrimEnd();
            }
            if (rate.Length == 0 && groups.Count > 0)
            {
                var previous = groups[^1];
                groups[^1] = (previous.Rate, [.. previous.Programmes.Concat(codes).Distinct(StringComparer.Ordinal)]);
            }
            else
            {
                groups.Add((rate, codes));
            }
            start = i + 1;
        }
        var rest = s[start..].Trim();
        if (rest.Length > 0)
        {
            groups.Add((rest, []));
        }
        return groups;
    }

    public DutyEstimate Estimate(decimal customsValue, string valueCurrency, decimal? quantity, string? unit)
    {
        var valueCur = (valueCurrency ?? "").Trim().ToUpperInvariant();
        var bounds = new[] { Minimum?.Specific, Maximum?.Specific }.OfType<SpecificDuty>().ToList();
        var allSpecific = Specific.Concat(bounds).ToList();
        var dutyCur = allSpecific.Count > 0 ? allSpecific[0].Currency : valueCur.Length > 0 ? valueCur : Currency;

        DutyEstimate Missing(string what) => new(null, dutyCur, [], what);

        switch (Form)
        {
            case DutyForm.Unparsed:
                return Missing($"not computable: {Problem}");
            case DutyForm.Other:
                return Missing($"not computable: {OtherReason}");
            case DutyForm.Free:
                return new(0m, dutyCur, ["Free: no duty"], null);
            default:
                break;
        }
        if (customsValue < 0)
        {
            return Missing("a customs value of zero or more");
        }
        if (quantity < 0)
        {
            return Missing("a quantity of zero or more");
        }
        if (allSpecific.Any(d => !string.Equals(d.Currency, dutyCur, StringComparison.Ordinal)))
        {
            return Missing("not computable: the rate mixes currencies");
        }
        var needsValue = AdValoremPercent > 0 || Minimum?.Percent is not null || Maximum?.Percent is not null;
        if (needsValue && !string.Equals(valueCur, dutyCur, StringComparison.Ordinal))
        {
            return Missing($"the value in {dutyCur}");
        }

        try
        {
            var steps = new List<string>();
            var parts = new List<decimal>();
            if (AdValoremPercent is { } percent && (percent != 0 || Specific.Count == 0))
            {
                var part = DutyText.RoundMoney(customsValue * percent / 100m);
                steps.Add($"{DutyText.Percent(percent)} × {DutyText.Money(customsValue, dutyCur)} = {DutyText.Money(part, dutyCur)}");
                parts.Add(part);
            }
            foreach (var duty in Specific)
            {
                if (!DutyQuantity.TryConvert(duty, quantity, unit, out var units, out var shown, out var missing))
                {
                    return Missing(missing);
                }
                var part = DutyText.RoundMoney(duty.Amount * units);
                steps.Add($"{DutyText.Rate(duty)} × {shown} = {DutyText.Money(part, dutyCur)}");
                parts.Add(part);
            }
            var total = parts.Sum();
            if (parts.Count > 1)
            {
                steps.Add($"Total: {string.Join(" + ", parts.Select(p => DutyText.Money(p, dutyCur)))} = {DutyText.Money(total, dutyCur)}");
            }
            foreach (var (bound, isMinimum) in new[] { (Minimum, true), (Maximum, false) })
            {
                if (bound is null)
                {
                    continue;
                }
                var label = isMinimum ? "Minimum" : "Maximum";
                var pieces = new List<(decimal Amount, string Shown)>();
                if (bound.Percent is { } p)
                {
                    var amount = DutyText.RoundMoney(customsValue * p / 100m);
                    pieces.Add((amount, $"{DutyText.Percent(p)} × {DutyText.Money(customsValue, dutyCur)}"));
                }
                if (bound.Specific is { } d)
                {
                    if (!DutyQuantity.TryConvert(d, quantity, unit, out var units, out var shown, out var missing))
                    {
                        return Missing(missing);
                    }
                    pieces.Add((DutyText.RoundMoney(d.Amount * units), $"{DutyText.Rate(d)} × {shown}"));
                }
                var limit = pieces.Sum(x => x.Amount);
                var applies = isMinimum ? total < limit : total > limit;
                var verdict = applies
                    ? $"applies instead of {DutyText.Money(total, dutyCur)}"
                    : $"does not apply to {DutyText.Money(total, dutyCur)}";
                steps.Add($"{label}: {string.Join(" + ", pieces.Select(x => x.Shown))} = {DutyText.Money(limit, dutyCur)}, {verdict}");
                if (applies)
                {
                    total = limit;
                }
            }
            return new(total, dutyCur, steps, null);
        }
        catch (OverflowException)
        {
            return Missing("not computable: the numbers are too large");
        }
    }

    private static DutyExpression Unparsed(string text, string? currency, string problem) =>
        new(text, DutyForm.Unparsed, null, [], null, null) { Problem = problem, Currency = currency ?? "" };

    private static DutyExpression Other(string text, string? currency, string reason, decimal? percent = null) =>
        new(text, DutyForm.Other, percent, [], null, null) { OtherReason = reason, Currency = currency ?? "" };

    private static DutyExpression Classify(string verbatim, string s, string? currency)
    {
        if (DutyText.IsWord(s, "Free") && (s.Length == 4 || (s.Length == 5 && s[4] == '.')))
        {
            return new(verbatim, DutyForm.Free, 0m, [], null, null) { Currency = currency ?? "" };
        }
        if (DutyText.ContainsProgrammeCodes(s))
        {
            return Unparsed(verbatim, currency,
                DutyText.NotARate(verbatim, "contains preferential programme codes (split it with SplitPreferential first)"));
        }
        if (DutyText.IsWord(s, "Free") && s.Length > 4 && s[4] is ',' or ' ')
        {
            return Other(verbatim, currency, "free subject to conditions (see the text)", 0m);
        }
        if (s.StartsWith("No change", StringComparison.OrdinalIgnoreCase))
        {
            return Other(verbatim, currency, "no change: the rate of the underlying provision applies");
        }
        if (s.Contains("entry price", StringComparison.OrdinalIgnoreCase))
        {
            return Other(verbatim, currency, "entry price system");
        }
        if (s.StartsWith("See ", StringComparison.OrdinalIgnoreCase))
        {
            return Other(verbatim, currency, "see another provision");
        }
        if (s.StartsWith("The duty", StringComparison.OrdinalIgnoreCase) || s.StartsWith("The rate", StringComparison.OrdinalIgnoreCase))
        {
            return OtherProvision(verbatim, s, currency);
        }
        if (s.StartsWith("A duty", StringComparison.OrdinalIgnoreCase))
        {
            return Other(verbatim, currency, "duty assessed on another value (see the text)");
        }
        const string overQuota = "In excess of quota";
        if (s.StartsWith(overQuota, StringComparison.OrdinalIgnoreCase))
        {
            var inner = Classify(verbatim, s[overQuota.Length..].TrimStart(':', ' '), currency);
            return inner.IsParsed
                ? inner with { Form = DutyForm.Other, OtherReason = "rate for imports in excess of the tariff quota" }
                : inner;
        }
        if (DutyText.SplitSeasons(s) is { } seasons)
        {
            return Seasonal(verbatim, seasons, currency);
        }

        var scanner = new RateScanner(s, currency);
        return scanner.Run()
            ? scanner.ToExpression(verbatim)
            : Unparsed(verbatim, currency, DutyText.NotARate(verbatim, scanner.Error ?? "not recognised"));
    }

    private static DutyExpression OtherProvision(string verbatim, string s, string? currency)
    {
        const string reason = "the rate of another provision applies";
        // "The duty provided in the applicable subheading + 25%": keep the additional ad valorem part.
        const string plusWord = " plus ";
        var plusSign = s.LastIndexOf('+');
        var plusText = s.LastIndexOf(plusWord, StringComparison.OrdinalIgnoreCase);
        var tailStart = plusSign > plusText ? plusSign + 1 : plusText >= 0 ? plusText + plusWord.Length : -1;
        if (tailStart < 0)
        {
            return Other(verbatim, currency, reason);
        }
        var tail = s[tailStart..].Trim().TrimEnd('.');
        const string aDutyOf = "a duty of ";
        if (tail.StartsWith(aDutyOf, StringComparison.OrdinalIgnoreCase))
        {
            tail = tail[aDutyOf.Length..];
        }
        var scanner = new RateScanner(tail, currency);
        if (!scanner.Run() || scanner.Main.Specific.Count > 0 || scanner.Min is not null || scanner.Max is not null)
        {
            return Other(verbatim, currency, reason);
        }
        return Other(verbatim, currency, reason, scanner.Main.Percent) with { PartRates = scanner.Main.Parts };
    }

    private static DutyExpression Seasonal(string verbatim, List<(string Rate, string? Period)> seasons, string? currency)
    {
        var parsed = new List<SeasonalDuty>();
        foreach (var (rate, period) in seasons)
        {
            if (rate.Length == 0)
            {
                return Unparsed(verbatim, currency, DutyText.NotARate(verbatim, $"no rate for the period '{period}'"));
            }
            var duty = Classify(rate, rate, currency);
            if (!duty.IsParsed)
            {
                return duty with { Text = verbatim };
            }
            parsed.Add(new(period, duty));
        }
        return Other(verbatim, currency, "seasonal rate: depends on the date of import") with
        {
            Seasons = parsed,
            Currency = parsed.Select(p => p.Duty.Currency).FirstOrDefault(c => c.Length > 0) ?? currency ?? "",
        };
    }
}

file sealed class Terms
{
    public decimal? Percent { get; set; }
    public List<SpecificDuty> Specific { get; } = [];
    public List<PartAdValorem> Parts { get; } = [];
    public List<string> Components { get; } = [];
}

/// <summary>
/// A hand-written single-pass scanner: every step moves forward, so the time is linear in the length of the text
/// (no regular expressions, no backtracking beyond a few characters of look-ahead).
/// </summary>
file sealed class RateScanner(string s, string? defaultCurrency)
{
    private const decimal MaxPercent = 1000m;
    private const decimal MaxAmount = 1_000_000_000m;
    private const string Conditional = "rate with conditions (see the text)";

    private static readonly string[] AgriculturalComponents = ["AD S/Z", "AD F/M", "ADSZR", "ADFMR", "ADSZ", "ADFM", "EAR", "EA"];
    private static readonly string[] BasisWords = ["on", "of", "including", "over", "eda", "mas", "net", "std", "dry", "gross", "br", "tot"];
    private static readonly string[] PartWords = ["on", "of", "upon"];
    private static readonly string[] WholeValue = ["on the entire set", "on the full value of the imported article"];

    private int pos;

    public string? Error { get; private set; }
    public string? OtherReason { get; private set; }
    public Terms Main { get; } = new();
    public Terms? Min { get; private set; }
    public Terms? Max { get; private set; }

    private bool AtEnd => pos >= s.Length;

    public DutyExpression ToExpression(string verbatim)
    {
        var currency = defaultCurrency ?? "";
        DutyBound? minimum = null, maximum = null;
        var components = new List<string>(Main.Components);
        foreach (var (terms, isMinimum) in new[] { (Min, true), (Max, false) })
        {
            if (terms is null)
            {
                continue;
            }
            if (terms.Parts.Count > 0 || terms.Specific.Count > 1)
            {
                return new(verbatim, DutyForm.Unparsed, null, [], null, null)
                {
                    Problem = DutyText.NotARate(verbatim, "a bound with more than one part"),
                    Currency = currency,
                };
            }
            components.AddRange(terms.Components);
            var bound = new DutyBound(terms.Percent, terms.Specific.FirstOrDefault());
            if (isMinimum)
            {
                minimum = bound;
            }
            else
            {
                maximum = bound;
            }
        }
        var dutyCurrency = Main.Specific.Concat(new[] { minimum?.Specific, maximum?.Specific }.OfType<SpecificDuty>())
            .Select(d => d.Currency).FirstOrDefault() ?? currency;

        var reason = OtherReason;
        if (components.Count > 0)
        {
            reason ??= $"agricultural component ({string.Join(", ", components)}) depends on the composition of the goods";
        }
        if (Main.Parts.Count > 0)
        {
            reason ??= "duty on the value of parts or contents (see the text)";
        }

        var hasPercent = Main.Percent is > 0;
        var hasSpecific = Main.Specific.Any(d => d.Amount != 0);
        var form = reason is not null ? DutyForm.Other
            : minimum is not null || maximum is not null ? DutyForm.Mixed
            : hasPercent && hasSpecific ? DutyForm.Compound
            : hasSpecific ? DutyForm.Specific
            : hasPercent ? DutyForm.AdValorem
            // "0.0%", "0.00 EUR / tonne": printed as a rate, but no duty.
            : Main.Percent == 0 || Main.Specific.Count > 0 ? DutyForm.Free
            : DutyForm.Other;
        if (form == DutyForm.Other)
        {
            reason ??= "nothing computable";
        }
        return new(verbatim, form, Main.Percent, Main.Specific, minimum, maximum)
        {
            OtherReason = reason,
            Currency = dutyCurrency,
            Components = components,
            PartRates = Main.Parts,
        };
    }

    public bool Run()
    {
        if (!ReadTerms(Main))
        {
            return false;
        }
        while (true)
        {
            SkipSpaces();
            if (AtEnd)
            {
                return true;
            }
            if (Peek() == '.' && pos == s.Length - 1)
            {
                return true;
            }
            if (TryWord("MIN") || TryPhrase("but not less than") || TryPhrase("not less than") || TryPhrase("but not less"))
            {
                if (Min is not null)
                {
                    return Fail("two minimum rates");
                }
                Min = new Terms();
                if (!ReadTerms(Min))
                {
                    return false;
                }
                continue;
            }
            if (TryWord("MAX") || TryPhrase("but not more than") || TryPhrase("not more than") || TryPhrase("but not over") || TryPhrase("not over"))
            {
                if (Max is not null)
                {
                    return Fail("two maximum rates");
                }
                Max = new Terms();
                if (!ReadTerms(Max))
                {
                    return false;
                }
                continue;
            }
            if (TryWord("less"))
            {
                if (!ReadTerm(new Terms()))
                {
                    return false;
                }
                SkipSpaces();
                if (!TryPhrase("for each"))
                {
                    return Fail("'less' without 'for each'");
                }
                OtherReason ??= "the rate varies with a degree of the goods (e.g. sugar polarity)";
                while (!AtEnd && !PeekWord("but"))
                {
                    pos++;
                }
                continue;
            }
            if (Peek() == ',')
            {
                var save = pos;
                pos++;
                SkipSpaces();
                if (PeekWord("but"))
                {
                    OtherReason ??= Conditional;
                    pos = s.Length;
                    return true;
                }
                pos = save;
            }
            return Fail($"unexpected text at '{Excerpt()}'");
        }
    }

    /// <summary>Reads "100 kg", "kg/net", "% vol/hl", "pairs" as a caller's quantity unit.</summary>
    public bool TryReadQuantityUnit(out decimal per, out string unit, out string? basis)
    {
        basis = null;
        if (!ReadUnit(out per, out unit, out var prefix))
        {
            return false;
        }
        basis = DutyText.JoinBasis(prefix, ReadBasis());
        SkipSpaces();
        return AtEnd;
    }

    private bool ReadTerms(Terms terms)
    {
        if (!ReadTerm(terms))
        {
            return false;
        }
        while (true)
        {
            var save = pos;
            SkipSpaces();
            if (Peek() != '+')
            {
                pos = save;
                return true;
            }
            pos++;
            if (!ReadTerm(terms))
            {
                return false;
            }
        }
    }

    private bool ReadTerm(Terms terms)
    {
        SkipSpaces();
        if (AtEnd)
        {
            return Fail("a rate is missing");
        }
        var c = Peek();
        if (c is '-' or '\u2212' && (char.IsAsciiDigit(Peek(1)) || Peek(1) is '$' or '.'))
        {
            return Fail("negative rate");
        }
        if (c == '%')
        {
            return Fail("'%' without a number");
        }
        foreach (var component in AgriculturalComponents)
        {
            if (TryWord(component, StringComparison.Ordinal))
            {
                terms.Components.Add(component);
                return true;
            }
        }
        if (c is '$' or '€' or '£')
        {
            pos++;
            SkipSpaces();
            if (!ReadNumber(out var amount))
            {
                return Error is null ? Fail($"'{c}' without an amount") : false;
            }
            return ReadSpecificTail(terms, amount, c == '$' ? Dollar() : c == '€' ? "EUR" : "GBP");
        }
        if (TryCurrencyCode(out var prefixCode))
        {
            SkipSpaces();
            if (!ReadNumber(out var amount))
            {
                return Error is null ? Fail($"'{prefixCode}' without an amount") : false;
            }
            return ReadSpecificTail(terms, amount, prefixCode);
        }
        if (!ReadNumber(out var number))
        {
            return Error is null ? Fail($"not recognised at '{Excerpt()}'") : false;
        }
        if (!ReadFraction(ref number))
        {
            return false;
        }
        SkipSpaces();
        c = Peek();
        if (c == '%')
        {
            pos++;
            return Peek() == '%' ? Fail("doubled '%'") : ReadPercentTail(terms, number);
        }
        if (TryWord("percent"))
        {
            return ReadPercentTail(terms, number);
        }
        if (c == '¢')
        {
            pos++;
            return ReadSpecificTail(terms, number / 100m, Dollar());
        }
        if (c is '€' or '£')
        {
            pos++;
            return ReadSpecificTail(terms, number, c == '€' ? "EUR" : "GBP");
        }
        if (TryCurrencyCode(out var code))
        {
            return ReadSpecificTail(terms, number, code);
        }
        if (c == '/' || PeekWord("each"))
        {
            return defaultCurrency is null
                ? Fail("an amount without a currency")
                : ReadSpecificTail(terms, number, defaultCurrency);
        }
        return Fail("a number without '%' or a unit");
    }

    private bool ReadPercentTail(Terms terms, decimal percent)
    {
        if (percent > MaxPercent)
        {
            return Fail("percentage over 1000%");
        }
        var save = pos;
        SkipSpaces();
        if (PartWords.Any(w => PeekWord(w)))
        {
            var part = ReadText(allowComma: true);
            if (WholeValue.Any(w => string.Equals(w, part, StringComparison.OrdinalIgnoreCase)))
            {
                terms.Percent = (terms.Percent ?? 0m) + percent;
            }
            else
            {
                terms.Parts.Add(new PartAdValorem(percent, part));
            }
            return true;
        }
        pos = save;
        terms.Percent = (terms.Percent ?? 0m) + percent;
        return true;
    }

    private bool ReadSpecificTail(Terms terms, decimal amount, string currency)
    {
        if (amount > MaxAmount)
        {
            return Fail("amount out of range");
        }
        SkipSpaces();
        if (TryWord("each"))
        {
            terms.Specific.Add(new SpecificDuty(amount, currency, 1m, "No.", ReadBasis()));
            return true;
        }
        if (TryPhrase("for each"))
        {
            OtherReason ??= Conditional;
            pos = s.Length;
            return true;
        }
        if (Peek() != '/')
        {
            return Fail("an amount without a unit");
        }
        pos++;
        if (!ReadUnit(out var per, out var unit, out var prefix))
        {
            return false;
        }
        terms.Specific.Add(new SpecificDuty(amount, currency, per, unit, DutyText.JoinBasis(prefix, ReadBasis())));
        return true;
    }

    private bool ReadUnit(out decimal per, out string unit, out string? basis)
    {
        per = 1m;
        unit = "";
        basis = null;
        SkipSpaces();
        if (Peek() == '%')
        {
            // "1.75 EUR / % vol / hl": an amount per percent of alcohol by volume per hectolitre.
            pos++;
            SkipSpaces();
            if (!TryWord("vol"))
            {
                return Fail($"unknown unit at '{Excerpt()}'");
            }
            basis = "% vol";
            SkipSpaces();
            if (Peek() != '/')
            {
                return Fail("'% vol' without a unit");
            }
            pos++;
            SkipSpaces();
        }
        var hadNumber = false;
        if (char.IsAsciiDigit(Peek()))
        {
            if (!ReadNumber(out per))
            {
                return false;
            }
            if (per <= 0)
            {
                return Fail("a zero quantity");
            }
            hadNumber = true;
            SkipSpaces();
        }
        if (TryWord("clean"))
        {
            basis = DutyText.JoinBasis(basis, "clean");
            SkipSpaces();
        }
        if (UnitLexicon.TryMatch(s, pos, out var entry))
        {
            pos += entry.Text.Length;
            unit = entry.Unit;
            per *= entry.Multiplier;
            basis = DutyText.JoinBasis(basis, entry.Basis);
            if (unit == "line")
            {
                // "0.3¢/line/ gross": per line (button size) per gross.
                var save = pos;
                SkipSpaces();
                if (Peek() == '/')
                {
                    pos++;
                    SkipSpaces();
                    if (TryWord("gross"))
                    {
                        unit = "gross";
                        basis = DutyText.JoinBasis(basis, "per line");
                        return true;
                    }
                }
                pos = save;
            }
            return true;
        }
        if (hadNumber)
        {
            // "$6/1000": per thousand articles.
            unit = "No.";
            return true;
        }
        return Fail(AtEnd ? "a unit is missing after '/'" : $"unknown unit at '{Excerpt()}'");
    }

    private string? ReadBasis()
    {
        var parts = new List<string>();
        while (true)
        {
            var save = pos;
            SkipSpaces();
            if (AtEnd)
            {
                pos = save;
                break;
            }
            if (Peek() == '/')
            {
                pos++;
                SkipSpaces();
                var segment = ReadText(allowComma: false);
                if (segment.Length == 0)
                {
                    pos = save;
                    break;
                }
                parts.Add(segment);
                continue;
            }
            if (Peek() == ',')
            {
                pos++;
                SkipSpaces();
                if (PeekWord("including"))
                {
                    parts.Add(ReadText(allowComma: false));
                    continue;
                }
                pos = save;
                break;
            }
            if (BasisWords.Any(w => PeekWord(w)))
            {
                parts.Add(ReadText(allowComma: false));
                continue;
            }
            pos = save;
            break;
        }
        return parts.Count == 0 ? null : DutyText.NormaliseBasis(string.Join(" / ", parts));
    }

    /// <summary>Free text up to the next operator: '+', '(', a MIN/MAX bound, "but …", "less …", "for each …".</summary>
    private string ReadText(bool allowComma)
    {
        var start = pos;
        while (!AtEnd)
        {
            var c = s[pos];
            if (c is '+' or '(' || (!allowComma && c is ',' or '/'))
            {
                break;
            }
            if (pos > start && s[pos - 1] == ' '
                && (PeekWord("MIN", StringComparison.Ordinal) || PeekWord("MAX", StringComparison.Ordinal)
                    || PeekWord("but") || PeekWord("less") || PeekPhrase("for each")))
            {
                break;
            }
            pos++;
        }
        return s[start..pos].Trim().TrimEnd(',', ' ');
    }

    private bool ReadNumber(out decimal value)
    {
        value = 0m;
        var start = pos;
        if (!char.IsAsciiDigit(Peek()) && !(Peek() == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return false;
        }
        var digits = new StringBuilder();
        var leading = 0;
        while (char.IsAsciiDigit(Peek()))
        {
            digits.Append(s[pos++]);
            leading++;
        }
        // "1,024.00" / "1,000 items": a comma followed by exactly three digits groups thousands.
        while (leading is > 0 and <= 3 && Peek() == ',' && char.IsAsciiDigit(Peek(1)) && char.IsAsciiDigit(Peek(2))
               && char.IsAsciiDigit(Peek(3)) && !char.IsAsciiDigit(Peek(4)))
        {
            digits.Append(s, pos + 1, 3);
            pos += 4;
        }
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            digits.Append('.');
            pos++;
            while (char.IsAsciiDigit(Peek()))
            {
                digits.Append(s[pos++]);
            }
            if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
            {
                while (char.IsAsciiDigit(Peek()) || (Peek() == '.' && char.IsAsciiDigit(Peek(1))))
                {
                    pos++;
                }
                return Fail($"malformed number '{DutyText.Shorten(s[start..pos])}'");
            }
        }
        if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return Fail("number out of range");
        }
        return true;
    }

    /// <summary>"33 1/3%": a whole number followed by a simple fraction.</summary>
    private bool ReadFraction(ref decimal number)
    {
        if (Peek() != ' ' || !char.IsAsciiDigit(Peek(1)) || number != decimal.Truncate(number))
        {
            return true;
        }
        var save = pos;
        pos++;
        var numerator = 0;
        while (char.IsAsciiDigit(Peek()) && numerator < 1000)
        {
            numerator = (numerator * 10) + (s[pos++] - '0');
        }
        if (Peek() != '/' || !char.IsAsciiDigit(Peek(1)))
        {
            pos = save;
            return true;
        }
        pos++;
        var denominator = 0;
        while (char.IsAsciiDigit(Peek()) && denominator < 1000)
        {
            denominator = (denominator * 10) + (s[pos++] - '0');
        }
        var after = pos;
        SkipSpaces();
        if (Peek() != '%')
        {
            pos = save;
            return true;
        }
        pos = after;
        if (denominator == 0 || numerator >= denominator)
        {
            return Fail("malformed fraction");
        }
        number += (decimal)numerator / denominator;
        return true;
    }

    private bool TryCurrencyCode(out string code)
    {
        code = "";
        if (pos + 3 > s.Length || !char.IsAsciiLetterUpper(s[pos]) || !char.IsAsciiLetterUpper(s[pos + 1])
            || !char.IsAsciiLetterUpper(s[pos + 2]) || (pos + 3 < s.Length && char.IsLetter(s[pos + 3])))
        {
            return false;
        }
        var candidate = s.Substring(pos, 3);
        if (!DutyText.KnownCurrencies.Contains(candidate) && !string.Equals(candidate, defaultCurrency, StringComparison.Ordinal))
        {
            return false;
        }
        code = candidate;
        pos += 3;
        return true;
    }

    /// <summary>'$' and '¢' are the schedule's own dollar when it has one (CAD, AUD …), else US dollars.</summary>
    private string Dollar() =>
        defaultCurrency is not null && DutyText.DollarCurrencies.Contains(defaultCurrency) ? defaultCurrency : "USD";

    private bool Fail(string message)
    {
        Error ??= message;
        return false;
    }

    private char Peek(int ahead = 0) => pos + ahead < s.Length ? s[pos + ahead] : '\0';

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            pos++;
        }
    }

    private string Excerpt() => DutyText.Shorten(s[pos..], 20);

    private bool PeekWord(string word, StringComparison comparison = StringComparison.OrdinalIgnoreCase) =>
        DutyText.IsWordAt(s, pos, word, comparison);

    private bool TryWord(string word, StringComparison comparison = StringComparison.OrdinalIgnoreCase)
    {
        if (!PeekWord(word, comparison))
        {
            return false;
        }
        pos += word.Length;
        return true;
    }

    private bool PeekPhrase(string phrase) => PeekWord(phrase);

    private bool TryPhrase(string phrase) => TryWord(phrase);
}

file sealed record UnitEntry(string Text, string Unit, decimal Multiplier, string? Basis);

file static class UnitLexicon
{
    // Longest first, so "liter" wins over "l" and "gross" over "g".
    private static readonly UnitEntry[] Entries = new UnitEntry[]
    {
        new("pf. liters", "l", 1m, "pf. liter"), new("pf. liter", "l", 1m, "pf. liter"), new("pf.liter", "l", 1m, "pf. liter"),
        new("proof liters", "l", 1m, "pf. liter"), new("proof liter", "l", 1m, "pf. liter"),
        new("hectoliters", "hl", 1m, null), new("hectolitres", "hl", 1m, null), new("hectoliter", "hl", 1m, null),
        new("hectolitre", "hl", 1m, null), new("hl", "hl", 1m, null),
        new("liters", "l", 1m, null), new("liter", "l", 1m, null), new("litres", "l", 1m, null), new("litre", "l", 1m, null),
        new("l", "l", 1m, null),
        new("kilograms", "kg", 1m, null), new("kilogram", "kg", 1m, null), new("kg", "kg", 1m, null),
        new("grams", "g", 1m, null), new("gram", "g", 1m, null), new("g", "g", 1m, null),
        new("tonnes", "t", 1m, null), new("tonne", "t", 1m, null), new("t", "t", 1m, null),
        new("lin. m", "m", 1m, null), new("m²", "m2", 1m, null), new("m2", "m2", 1m, null), new("m³", "m3", 1m, null),
        new("m3", "m3", 1m, null), new("m", "m", 1m, null),
        new("dozen", "doz.", 1m, null), new("doz.", "doz.", 1m, null), new("doz", "doz.", 1m, null),
        new("pairs", "pr.", 1m, null), new("pair", "pr.", 1m, null), new("prs.", "pr.", 1m, null), new("pr.", "pr.", 1m, null),
        new("gross", "gross", 1m, null),
        new("items", "No.", 1m, null), new("item", "No.", 1m, null), new("p/st", "No.", 1m, null), new("No.", "No.", 1m, null),
        new("pieces", "No.", 1m, null), new("piece", "No.", 1m, null), new("pcs", "No.", 1m, null), new("pins", "No.", 1m, null),
        new("articles", "No.", 1m, null), new("article", "No.", 1m, null), new("head", "No.", 1m, null),
        new("thousand", "No.", 1000m, null),
        new("barrels", "bbl", 1m, null), new("bbl", "bbl", 1m, null),
        new("jewels", "jewel", 1m, null), new("jewel", "jewel", 1m, null),
        new("packs", "pack", 1m, null), new("pack", "pack", 1m, null),
        new("line", "line", 1m, null),
    }.OrderByDescending(e => e.Text.Length).ToArray();

    public static bool TryMatch(string s, int pos, out UnitEntry entry)
    {
        foreach (var candidate in Entries)
        {
            if (pos + candidate.Text.Length > s.Length
                || string.Compare(s, pos, candidate.Text, 0, candidate.Text.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }
            var end = pos + candidate.Text.Length;
            if (char.IsLetter(candidate.Text[^1]) && end < s.Length && char.IsLetter(s[end]))
            {
                continue;
            }
            entry = candidate;
            return true;
        }
        entry = Entries[0];
        return false;
    }
}

file static class DutyQuantity
{
    private static readonly Dictionary<string, (string Dimension, decimal Factor)> Units = new(StringComparer.Ordinal)
    {
        ["kg"] = ("mass", 1m),
        ["g"] = ("mass", 0.001m),
        ["t"] = ("mass", 1000m),
        ["l"] = ("volume", 1m),
        ["hl"] = ("volume", 100m),
        ["m3"] = ("volume", 1000m),
        ["bbl"] = ("volume", 158.987294928m),
        ["No."] = ("count", 1m),
        ["doz."] = ("count", 12m),
        ["gross"] = ("count", 144m),
        ["pr."] = ("count", 2m),
    };

    /// <summary>Converts the caller's quantity into multiples of the duty's quantity (e.g. 500 kg => 5 for "/100 kg").</summary>
    public static bool TryConvert(SpecificDuty duty, decimal? quantity, string? unit, out decimal units, out string shown, out string missing)
    {
        units = 0m;
        shown = "";
        var needed = $"a quantity in {duty.Unit}{(IsPlain(duty.Basis) ? "" : $" ({duty.Basis})")}";
        missing = needed;
        if (quantity is not { } q || string.IsNullOrWhiteSpace(unit))
        {
            return false;
        }
        var scanner = new RateScanner(DutyText.Normalise(unit), null);
        if (!scanner.TryReadQuantityUnit(out var per, out var given, out var basis))
        {
            missing = $"{needed} ('{DutyText.Shorten(unit.Trim(), 20)}' is not a known unit)";
            return false;
        }
        if (!SameBasis(duty.Basis, basis))
        {
            return false;
        }
        var (fromDimension, fromFactor) = Units.TryGetValue(given, out var f) ? f : (given, 1m);
        var (toDimension, toFactor) = Units.TryGetValue(duty.Unit, out var t) ? t : (duty.Unit, 1m);
        if (!string.Equals(fromDimension, toDimension, StringComparison.Ordinal))
        {
            return false;
        }
        var inDutyUnit = q * per * fromFactor / toFactor;
        units = inDutyUnit / duty.PerQuantity;
        var givenText = $"{DutyText.Quantity(q)} {(per == 1 ? "" : DutyText.Quantity(per) + " ")}{given}";
        shown = per == 1 && string.Equals(given, duty.Unit, StringComparison.Ordinal)
            ? givenText
            : $"{givenText} (= {DutyText.Quantity(inDutyUnit)} {duty.Unit})";
        return true;
    }

    // Specific duties in the EU/UK are per net mass unless a qualifier says otherwise, so "net" is the plain case.
    private static bool IsPlain(string? basis) => basis is null || string.Equals(basis, "net", StringComparison.OrdinalIgnoreCase);

    private static bool SameBasis(string? a, string? b) =>
        (IsPlain(a) && IsPlain(b)) || string.Equals(Key(a), Key(b), StringComparison.OrdinalIgnoreCase);

    private static string Key(string? basis) => (basis ?? "").Replace(" ", "", StringComparison.Ordinal);
}

file static class DutyText
{
    public static readonly HashSet<string> KnownCurrencies = new(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "NZD", "CNY", "INR", "ZAR", "NOK", "SEK", "DKK", "KRW", "SGD", "HKD",
        "MXN", "BRL",
    };

    public static readonly HashSet<string> DollarCurrencies = new(StringComparer.Ordinal)
    {
        "USD", "CAD", "AUD", "NZD", "SGD", "HKD",
    };

    private static readonly string[] Months =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly (string Printed, string Canonical)[] BasisAliases =
    [
        // The UK Global Tariff abbreviates what the EU CET prints in full for the same lines.
        ("eda", "net drained wt"), ("mas", "net dry"), ("br", "gross"),
    ];

    public static string? NormaliseCurrency(string? currency)
    {
        var c = (currency ?? "").Trim().ToUpperInvariant();
        return c.Length == 3 && c.All(char.IsAsciiLetterUpper) ? c : null;
    }

    /// <summary>One space between words; line breaks and no-break spaces become spaces; "thou- sand" is rejoined.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
                continue;
            }
            if (sb.Length == 0 || sb[^1] == ' ')
            {
                continue;
            }
            // Words hyphenated at a line break in the printed schedule ("thou- sand", "appli- cable").
            if (sb.Length >= 2 && sb[^1] == '-' && char.IsLetter(sb[^2]) && i + 1 < text.Length && char.IsLower(text[i + 1]))
            {
                sb.Length--;
                continue;
            }
            sb.Append(' ');
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    public static string NormaliseBasis(string basis)
    {
        var sb = new StringBuilder(basis.Length + 4);
        for (var i = 0; i < basis.Length; i++)
        {
            var c = basis[i];
            if (c == ' ' && ((i + 1 < basis.Length && basis[i + 1] == '/') || (sb.Length > 0 && sb[^1] == '/')))
            {
                continue;
            }
            sb.Append(c);
            if (c == '%' && i + 1 < basis.Length && char.IsLetter(basis[i + 1]))
            {
                sb.Append(' ');
            }
        }
        var text = sb.ToString();
        foreach (var (printed, canonical) in BasisAliases)
        {
            if (string.Equals(text, printed, StringComparison.OrdinalIgnoreCase))
            {
                return canonical;
            }
        }
        return text;
    }

    public static string? JoinBasis(string? a, string? b) =>
        a is null ? b : b is null ? a : $"{a} {b}";

    public static bool IsWordAt(string s, int pos, string word, StringComparison comparison)
    {
        if (pos < 0 || pos + word.Length > s.Length || string.Compare(s, pos, word, 0, word.Length, comparison) != 0)
        {
            return false;
        }
        if (pos > 0 && char.IsLetter(s[pos - 1]) && char.IsLetter(word[0]))
        {
            return false;
        }
        var end = pos + word.Length;
        return end >= s.Length || !char.IsLetter(word[^1]) || !char.IsLetter(s[end]);
    }

    public static bool IsWord(string s, string word) => IsWordAt(s, 0, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The codes of a list such as "A+,AU, BH,CL" (trailing commas tolerated), or null when it is not one.</summary>
    public static List<string>? ProgrammeCodes(string inner)
    {
        var codes = new List<string>();
        foreach (var raw in inner.Split(','))
        {
            var code = raw.Trim();
            if (code.Length == 0)
            {
                continue;
            }
            var letters = code[^1] is '+' or '*' ? code[..^1] : code;
            if (letters.Length is < 1 or > 2 || !letters.All(char.IsAsciiLetterUpper))
            {
                return null;
            }
            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }
        return codes.Count == 0 ? null : codes;
    }

    public static bool ContainsProgrammeCodes(string s)
    {
        var open = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                open = i;
            }
            else if (s[i] == ')' && open >= 0)
            {
                if (ProgrammeCodes(s[(open + 1)..i]) is not null)
                {
                    return true;
                }
                open = -1;
            }
        }
        return false;
    }

    /// <summary>
    /// "15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)" => rates with their periods; null when not seasonal.
    /// </summary>
    public static List<(string Rate, string? Period)>? SplitSeasons(string s)
    {
        var seasons = new List<(string Rate, string? Period)>();
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '(')
            {
                i++;
                continue;
            }
            var close = s.IndexOf(')', i + 1);
            if (close < 0)
            {
                break;
            }
            var inner = s[(i + 1)..close].Trim();
            if (IsPeriod(inner))
            {
                seasons.Add((s[start..i].Trim(), inner));
                var next = close + 1;
                while (next < s.Length && s[next] == ' ')
                {
                    next++;
                }
                if (next < s.Length && s[next] == ',')
                {
                    next++;
                }
                start = next;
            }
            i = close + 1;
        }
        if (seasons.Count == 0)
        {
            return null;
        }
        var rest = s[start..].Trim();
        if (rest.Length > 0)
        {
            seasons.Add((rest, null));
        }
        return seasons;
    }

    private static bool IsPeriod(string inner) =>
        inner.Length > 0
        && inner.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or ',')
        && inner.Any(char.IsAsciiDigit)
        && Months.Any(m => inner.Contains(m, StringComparison.OrdinalIgnoreCase));

    public static string NotARate(string text, string reason) => $"'{Shorten(text)}' is not a duty rate: {reason}";

    public static string Shorten(string text, int max = 40) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static decimal RoundMoney(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}".TrimEnd();

    public static string Percent(decimal percent) => percent.ToString("0.####", CultureInfo.InvariantCulture) + "%";

    public static string Quantity(decimal quantity) => quantity.ToString("#,##0.######", CultureInfo.InvariantCulture);

    public static string Rate(SpecificDuty duty)
    {
        var per = duty.PerQuantity == 1 ? "" : Quantity(duty.PerQuantity) + " ";
        var basis = duty.Basis is null ? "" : $" ({duty.Basis})";
        return $"{duty.Amount.ToString("#,##0.00##########", CultureInfo.InvariantCulture)} {duty.Currency}/{per}{duty.Unit}{basis}";
    }
}
