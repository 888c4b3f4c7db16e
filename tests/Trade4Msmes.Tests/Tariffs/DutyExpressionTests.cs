using System.Diagnostics;
using System.Globalization;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Tests.Tariffs;

// Rates quoted here are copied from the US HTS 2026 (General / Special / Column 2) and the UK Global Tariff 2021
// (cet_duty_rate in EUR, ukgt_duty_rate in GBP) unless a test says it is made up.
public class DutyExpressionTests
{
    [Theory]
    [InlineData("Free", "USD", DutyForm.Free)]
    [InlineData("0.0%", "GBP", DutyForm.Free)]
    [InlineData("0.00 EUR / tonne", "EUR", DutyForm.Free)]
    [InlineData("6.8%", "USD", DutyForm.AdValorem)]
    [InlineData("33 1/3%", "USD", DutyForm.AdValorem)]
    [InlineData("6.5% on the entire set", "USD", DutyForm.AdValorem)]
    [InlineData("5% on the full value of the imported article", "USD", DutyForm.AdValorem)]
    [InlineData("2.2¢/kg", "USD", DutyForm.Specific)]
    [InlineData("$1.646/kg", "USD", DutyForm.Specific)]
    [InlineData("0.34¢/liter", "USD", DutyForm.Specific)]
    [InlineData("$1.32/pf. liter", "USD", DutyForm.Specific)]
    [InlineData("18.9¢/pf.liter", "USD", DutyForm.Specific)]
    [InlineData("3.7¢/kg on drained weight", "USD", DutyForm.Specific)]
    [InlineData("$1.24/t", "USD", DutyForm.Specific)]
    [InlineData("$1.32/t, including weight of container", "USD", DutyForm.Specific)]
    [InlineData("$6/1000", "USD", DutyForm.Specific)]
    [InlineData("5.25¢/bbl", "USD", DutyForm.Specific)]
    [InlineData("55.1¢/clean kg", "USD", DutyForm.Specific)]
    [InlineData("86.1¢/m2of recording surface", "USD", DutyForm.Specific)]
    [InlineData("8.8¢/kg on copper content + 3.3¢/kg on lead content + 3.7¢/kg on zinc content", "USD", DutyForm.Specific)]
    [InlineData("4.4¢/liter + 31.4¢/pf. liter", "USD", DutyForm.Specific)]
    [InlineData("34.00 GBP/100kg", "GBP", DutyForm.Specific)]
    [InlineData("32.00 EUR / hl", "EUR", DutyForm.Specific)]
    [InlineData("1,024.00 EUR / tonne", "EUR", DutyForm.Specific)]
    [InlineData("52.00 EUR / 1,000 items", "EUR", DutyForm.Specific)]
    [InlineData("1.75 EUR / % vol / hl", "EUR", DutyForm.Specific)]
    [InlineData("1.00 GBP/%vol/hl", "GBP", DutyForm.Specific)]
    [InlineData("0.40 EUR / 100 kg /net/ % sacchar.", "EUR", DutyForm.Specific)]
    [InlineData("1.19 EUR / kg / lactic matter + 27.50 EUR / 100 kg", "EUR", DutyForm.Specific)]
    [InlineData("1.62 EUR / kg / tot alc", "EUR", DutyForm.Specific)]
    [InlineData("0.20 GBP/ item", "GBP", DutyForm.Specific)]
    [InlineData("4.4¢/kg  +  33.5%", "USD", DutyForm.Compound)]
    [InlineData("$1.035/kg + 14.9%", "USD", DutyForm.Compound)]
    [InlineData("$1.035/kg +13.6%", "USD", DutyForm.Compound)]
    [InlineData("22¢/kg on drained weight+45%", "USD", DutyForm.Compound)]
    [InlineData("37.5¢ each + 45%", "USD", DutyForm.Compound)]
    [InlineData("$16/doz. + 25%", "USD", DutyForm.Compound)]
    [InlineData("$1.58/pr. + 35%", "USD", DutyForm.Compound)]
    [InlineData("17¢ each + 2.5% + 1¢/jewel", "USD", DutyForm.Compound)]
    [InlineData("20¢/thousand + 3.5%", "USD", DutyForm.Compound)]
    [InlineData("$2.50/thou- sand + 40%", "USD", DutyForm.Compound)]
    [InlineData("0.3¢/line/ gross + 4.6%", "USD", DutyForm.Compound)]
    [InlineData("10.00% + 77.00 GBP/100kg", "GBP", DutyForm.Compound)]
    [InlineData("10.20% + 93.10 EUR / 100 kg", "EUR", DutyForm.Compound)]
    [InlineData("5.10% + 9.40 EUR / 100 kg / net drained wt", "EUR", DutyForm.Compound)]
    [InlineData("4.00% + 7.80 GBP/100kg eda", "GBP", DutyForm.Compound)]
    [InlineData("40.00% + 121.00 EUR / hl + 20.60 EUR / 100 kg", "EUR", DutyForm.Compound)]
    [InlineData("12.00% MIN 0.40 EUR / 100 kg", "EUR", DutyForm.Mixed)]
    [InlineData("6.20% + 27.10 EUR / 100 kg MAX 17.90%", "EUR", DutyForm.Mixed)]
    [InlineData("9.10% + 45.10 EUR / 100 kg MAX 18.90% + 16.50 EUR / 100 kg", "EUR", DutyForm.Mixed)]
    [InlineData("4.50% MIN 0.30 EUR / item MAX 0.80 EUR / item", "EUR", DutyForm.Mixed)]
    [InlineData("0.50 EUR / item MIN 2.70% MAX 4.60%", "EUR", DutyForm.Mixed)]
    [InlineData("3.80% MIN 0.60 EUR / 100 kg / gross", "EUR", DutyForm.Mixed)]
    [InlineData("1.30 EUR / % vol / hl MIN 7.20 EUR / hl", "EUR", DutyForm.Mixed)]
    [InlineData("8.00% MAX 2.80 EUR / m2", "EUR", DutyForm.Mixed)]
    [InlineData("Entry Price", "EUR", DutyForm.Other)]
    [InlineData("9.00% +  EA", "EUR", DutyForm.Other)]
    [InlineData("9.00% +  EA MAX 18.70%  + ADSZ", "EUR", DutyForm.Other)]
    [InlineData("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "EUR", DutyForm.Other)]
    [InlineData("No change", "USD", DutyForm.Other)]
    [InlineData("See 9822.05.20", "USD", DutyForm.Other)]
    [InlineData("The duty provided in the applicable subheading + 25%", "USD", DutyForm.Other)]
    [InlineData("The rate applicable to the natural juice in heading 2009", "USD", DutyForm.Other)]
    [InlineData("A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)", "USD", DutyForm.Other)]
    [InlineData("Free, under bond, as prescribed in U.S. note 2 to this subchapter", "USD", DutyForm.Other)]
    [InlineData("$4.75 each + 45% on the case + 80% on the strap, band or bracelet", "USD", DutyForm.Other)]
    [InlineData("4.7% on the value of the rifle + 20% on the value of the telescopic sight, if any", "USD", DutyForm.Other)]
    [InlineData("3 percent of the fair retail value", "USD", DutyForm.Other)]
    [InlineData("3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg", "USD", DutyForm.Other)]
    [InlineData("4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate or a set of plates the total duty shall not exceed the duty for the complete movement", "USD", DutyForm.Other)]
    public void ClassifiesRealRates(string text, string currency, DutyForm form)
    {
        var duty = DutyExpression.Parse(text, currency);

        duty.Form.ShouldBe(form, duty.Problem);
        duty.IsParsed.ShouldBeTrue();
        duty.Problem.ShouldBeNull();
        duty.Text.ShouldBe(text);
    }

    [Fact]
    public void KeepsTheTextVerbatimTrimmedOnlyAtTheEnds()
    {
        DutyExpression.Parse("  9.00% +  EA \n", "EUR").Text.ShouldBe("9.00% +  EA");
    }

    [Fact]
    public void FreeAndZeroRatesSortAsZeroPercent()
    {
        var free = DutyExpression.Parse("Free", "USD");
        free.AdValoremPercent.ShouldBe(0m);
        free.PlainPercent.ShouldBe(0m);
        free.Specific.ShouldBeEmpty();

        DutyExpression.Parse("0.0%", "GBP").PlainPercent.ShouldBe(0m);
        DutyExpression.Parse("0.00 EUR / tonne", "EUR").PlainPercent.ShouldBe(0m);
    }

    [Fact]
    public void ReadsAdValoremRates()
    {
        var duty = DutyExpression.Parse("6.8%", "USD");
        duty.AdValoremPercent.ShouldBe(6.8m);
        duty.PlainPercent.ShouldBe(6.8m);
        duty.Specific.ShouldBeEmpty();
        duty.Minimum.ShouldBeNull();
        duty.Maximum.ShouldBeNull();
    }

    [Fact]
    public void ReadsAFractionalPercentage()
    {
        var duty = DutyExpression.Parse("33 1/3%", "USD");
        Math.Round(duty.AdValoremPercent!.Value, 6).ShouldBe(33.333333m);
    }

    [Fact]
    public void ConvertsCentsToDollars()
    {
        DutyExpression.Parse("2.2¢/kg", "USD").Specific.ShouldBe([new SpecificDuty(0.022m, "USD", 1m, "kg", null)]);
    }

    [Fact]
    public void ReadsACompoundUsRate()
    {
        var duty = DutyExpression.Parse("$1.035/kg + 14.9%", "USD");
        duty.AdValoremPercent.ShouldBe(14.9m);
        duty.Specific.ShouldBe([new SpecificDuty(1.035m, "USD", 1m, "kg", null)]);
        duty.PlainPercent.ShouldBeNull();
        duty.Currency.ShouldBe("USD");
    }

    [Theory]
    [InlineData("10.00% + 77.00 GBP/100kg", "GBP")]
    [InlineData("10.20% + 93.10 EUR / 100 kg", "EUR")]
    public void ReadsPerHundredKilogramsWhateverTheSpacing(string text, string currency)
    {
        var duty = DutyExpression.Parse(text, currency);
        duty.Specific.Count.ShouldBe(1);
        duty.Specific[0].Currency.ShouldBe(currency);
        duty.Specific[0].PerQuantity.ShouldBe(100m);
        duty.Specific[0].Unit.ShouldBe("kg");
        duty.Specific[0].Basis.ShouldBeNull();
    }

    [Theory]
    [InlineData("0.34¢/liter", "l", null)]
    [InlineData("$1.32/pf. liter", "l", "pf. liter")]
    [InlineData("18.9¢/pf.liter", "l", "pf. liter")]
    [InlineData("3.7¢/kg on drained weight", "kg", "on drained weight")]
    [InlineData("3.6606¢/kg of total sugars", "kg", "of total sugars")]
    [InlineData("55.1¢/clean kg", "kg", "clean")]
    [InlineData("86.1¢/m2of recording surface", "m2", "of recording surface")]
    [InlineData("$1.32/t, including weight of container", "t", "including weight of container")]
    [InlineData("2.8¢/doz.", "doz.", null)]
    [InlineData("37.5¢ each + 45%", "No.", null)]
    [InlineData("$3/head", "No.", null)]
    [InlineData("3.3¢/lin. m", "m", null)]
    [InlineData("5.25¢/bbl", "bbl", null)]
    [InlineData("0.3¢/line/ gross + 4.6%", "gross", "per line")]
    [InlineData("32.00 EUR / hl", "hl", null)]
    [InlineData("114.00 EUR / tonne", "t", null)]
    [InlineData("0.20 GBP/ item", "No.", null)]
    [InlineData("1.75 EUR / % vol / hl", "hl", "% vol")]
    [InlineData("1.00 GBP/%vol/hl", "hl", "% vol")]
    [InlineData("0.30 GBP/100kg/net/%sacchar.", "kg", "net/% sacchar.")]
    [InlineData("0.40 EUR / 100 kg /net/ % sacchar.", "kg", "net/% sacchar.")]
    [InlineData("5.10% + 9.40 EUR / 100 kg / net drained wt", "kg", "net drained wt")]
    [InlineData("4.00% + 7.80 GBP/100kg eda", "kg", "net drained wt")]
    [InlineData("50.70 EUR / 100 kg / net dry", "kg", "net dry")]
    [InlineData("42.00 GBP/100kg mas", "kg", "net dry")]
    [InlineData("33.90 EUR / 100 kg / std qual", "kg", "std qual")]
    [InlineData("1.19 EUR / kg / lactic matter + 27.50 EUR / 100 kg", "kg", "lactic matter")]
    public void NormalisesUnitsAndKeepsQualifiersAsBasis(string text, string unit, string? basis)
    {
        var duty = DutyExpression.Parse(text, "USD");
        duty.IsParsed.ShouldBeTrue(duty.Problem);
        duty.Specific[0].Unit.ShouldBe(unit);
        duty.Specific[0].Basis.ShouldBe(basis);
    }

    [Theory]
    [InlineData("$6/1000", 6, 1000)]
    [InlineData("52.00 EUR / 1,000 items", 52, 1000)]
    [InlineData("43.00 GBP/1000 items", 43, 1000)]
    [InlineData("20¢/thousand + 3.5%", 0.20, 1000)]
    [InlineData("$2.50/thou- sand + 40%", 2.50, 1000)]
    [InlineData("$1/1,000 pins + 35%", 1, 1000)]
    [InlineData("1,024.00 EUR / tonne", 1024, 1)]
    public void ReadsThousandsInAmountsAndQuantities(string text, double amount, int per)
    {
        var specific = DutyExpression.Parse(text, "EUR").Specific[0];
        specific.Amount.ShouldBe((decimal)amount);
        specific.PerQuantity.ShouldBe((decimal)per);
    }

    [Fact]
    public void ReadsBothBoundsOfAMixedRate()
    {
        var duty = DutyExpression.Parse("9.10% + 45.10 EUR / 100 kg MAX 18.90% + 16.50 EUR / 100 kg", "EUR");
        duty.AdValoremPercent.ShouldBe(9.10m);
        duty.Specific.ShouldBe([new SpecificDuty(45.10m, "EUR", 100m, "kg", null)]);
        duty.Maximum.ShouldBe(new DutyBound(18.90m, new SpecificDuty(16.50m, "EUR", 100m, "kg", null)));
        duty.Minimum.ShouldBeNull();

        var perItem = DutyExpression.Parse("4.50% MIN 0.30 EUR / item MAX 0.80 EUR / item", "EUR");
        perItem.Minimum.ShouldBe(new DutyBound(null, new SpecificDuty(0.30m, "EUR", 1m, "No.", null)));
        perItem.Maximum.ShouldBe(new DutyBound(null, new SpecificDuty(0.80m, "EUR", 1m, "No.", null)));

        var percentBounds = DutyExpression.Parse("0.50 EUR / item MIN 2.70% MAX 4.60%", "EUR");
        percentBounds.AdValoremPercent.ShouldBeNull();
        percentBounds.Minimum.ShouldBe(new DutyBound(2.70m, null));
        percentBounds.Maximum.ShouldBe(new DutyBound(4.60m, null));
    }

    [Fact]
    public void ReadsUsWordedBounds()
    {
        // Made up in the US wording; the sugar rates below use "but not less than" with a per-degree formula.
        var duty = DutyExpression.Parse("5% but not more than 10¢/kg", "USD");
        duty.Form.ShouldBe(DutyForm.Mixed);
        duty.Maximum.ShouldBe(new DutyBound(null, new SpecificDuty(0.10m, "USD", 1m, "kg", null)));

        DutyExpression.Parse("2¢/kg not over 5%", "USD").Maximum.ShouldBe(new DutyBound(5m, null));
    }

    [Fact]
    public void KeepsWhatCanBeReadOfAgriculturalComponents()
    {
        var duty = DutyExpression.Parse("9.00% +  EA MAX 18.70%  + ADSZ", "EUR");
        duty.Form.ShouldBe(DutyForm.Other);
        duty.AdValoremPercent.ShouldBe(9.00m);
        duty.Maximum.ShouldBe(new DutyBound(18.70m, null));
        duty.Components.ShouldBe(["EA", "ADSZ"]);
        duty.OtherReason!.ShouldContain("EA");
        duty.PlainPercent.ShouldBeNull();
    }

    [Fact]
    public void ReadsSeasonalRatesPeriodByPeriod()
    {
        var duty = DutyExpression.Parse("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "EUR");

        duty.Form.ShouldBe(DutyForm.Other);
        duty.OtherReason.ShouldBe("seasonal rate: depends on the date of import");
        duty.Seasons.Count.ShouldBe(2);
        duty.Seasons[0].Period.ShouldBe("01 JAN-14 FEB, 16 JUN-31 DEC");
        duty.Seasons[0].Duty.AdValoremPercent.ShouldBe(15m);
        duty.Seasons[1].Period.ShouldBe("15 FEB-15 JUN");
        duty.Seasons[1].Duty.Form.ShouldBe(DutyForm.Free);
    }

    [Fact]
    public void ReadsASeasonalRateWithEuroSignsAndNoBreakSpaces()
    {
        var duty = DutyExpression.Parse(
            "9.60% MIN 1.1\u00A0€/100\u00A0kg/net (01 JAN-14 APR, 1 DEC-31 DEC), 13.60% MIN 1.6€/100kg/net", "EUR");

        duty.Seasons.Count.ShouldBe(2);
        duty.Seasons[0].Duty.Minimum.ShouldBe(new DutyBound(null, new SpecificDuty(1.1m, "EUR", 100m, "kg", "net")));
        duty.Seasons[1].Period.ShouldBeNull();
        duty.Seasons[1].Duty.Form.ShouldBe(DutyForm.Mixed);
        duty.Seasons[1].Duty.AdValoremPercent.ShouldBe(13.60m);
    }

    [Fact]
    public void KeepsTheBaseRateAndFloorOfAPolarityFormula()
    {
        var duty = DutyExpression.Parse(
            "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg",
            "USD");

        duty.Form.ShouldBe(DutyForm.Other);
        duty.Specific.ShouldBe([new SpecificDuty(0.036606m, "USD", 1m, "kg", null)]);
        duty.Minimum.ShouldBe(new DutyBound(null, new SpecificDuty(0.03143854m, "USD", 1m, "kg", null)));
    }

    [Fact]
    public void KeepsTheAdditionalPercentageOfARateThatRefersToAnotherProvision()
    {
        var duty = DutyExpression.Parse("The duty provided in the applicable subheading + 25%", "USD");
        duty.Form.ShouldBe(DutyForm.Other);
        duty.AdValoremPercent.ShouldBe(25m);
        duty.PlainPercent.ShouldBeNull();
        duty.OtherReason.ShouldBe("the rate of another provision applies");

        var onContent = DutyExpression.Parse(
            "The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content.", "USD");
        onContent.AdValoremPercent.ShouldBeNull();
        onContent.PartRates.ShouldBe([new PartAdValorem(50m, "upon the value of the steel content")]);
    }

    [Fact]
    public void KeepsPercentagesOnPartsOfTheValueApart()
    {
        var duty = DutyExpression.Parse("$4.75 each + 45% on the case + 80% on the strap, band or bracelet", "USD");

        duty.Form.ShouldBe(DutyForm.Other);
        duty.AdValoremPercent.ShouldBeNull();
        duty.Specific.ShouldBe([new SpecificDuty(4.75m, "USD", 1m, "No.", null)]);
        duty.PartRates.ShouldBe([new PartAdValorem(45m, "on the case"), new PartAdValorem(80m, "on the strap, band or bracelet")]);
    }

    [Fact]
    public void MarksAnOverQuotaRateAsOther()
    {
        // Made up: the wording of over-quota rates in older HTS editions.
        var duty = DutyExpression.Parse("In excess of quota: 33.9¢/kg + 5.1%", "USD");
        duty.Form.ShouldBe(DutyForm.Other);
        duty.AdValoremPercent.ShouldBe(5.1m);
        duty.Specific.ShouldBe([new SpecificDuty(0.339m, "USD", 1m, "kg", null)]);
    }

    [Fact]
    public void UsesTheDefaultCurrencyForBareAmountsAndTheDollarSigns()
    {
        DutyExpression.Parse("24.6/100 kg", "EUR").Specific.ShouldBe([new SpecificDuty(24.6m, "EUR", 100m, "kg", null)]);
        DutyExpression.Parse("$1.50/kg", "CAD").Specific[0].Currency.ShouldBe("CAD");
        DutyExpression.Parse("$1.50/kg", "GBP").Specific[0].Currency.ShouldBe("USD");
        DutyExpression.Parse("24.6/100 kg", "").Problem.ShouldBe("'24.6/100 kg' is not a duty rate: an amount without a currency");
    }

    [Theory]
    [InlineData("12%%", "'12%%' is not a duty rate: doubled '%'")]
    [InlineData("%", "'%' is not a duty rate: '%' without a number")]
    [InlineData("-5%", "'-5%' is not a duty rate: negative rate")]
    [InlineData("abc", "'abc' is not a duty rate: not recognised at 'abc'")]
    [InlineData("6.4", "'6.4' is not a duty rate: a number without '%' or a unit")]
    [InlineData("1.2.3%", "'1.2.3%' is not a duty rate: malformed number '1.2.3'")]
    [InlineData("1000.5%", "'1000.5%' is not a duty rate: percentage over 1000%")]
    [InlineData("2500%", "'2500%' is not a duty rate: percentage over 1000%")]
    [InlineData("$5", "'$5' is not a duty rate: an amount without a unit")]
    [InlineData("5 EUR / furlong", "'5 EUR / furlong' is not a duty rate: unknown unit at 'furlong'")]
    [InlineData("5% +", "'5% +' is not a duty rate: a rate is missing")]
    [InlineData("6.4 + 24.6 EUR/100 kg", "'6.4 + 24.6 EUR/100 kg' is not a duty rate: a number without '%' or a unit")]
    [InlineData("Free (A+,AU,BH,CL)", "'Free (A+,AU,BH,CL)' is not a duty rate: contains preferential programme codes (split it with SplitPreferential first)")]
    public void RejectsWhatIsNotADutyRate(string text, string problem)
    {
        var duty = DutyExpression.Parse(text, "USD");

        duty.Form.ShouldBe(DutyForm.Unparsed);
        duty.IsParsed.ShouldBeFalse();
        duty.Problem.ShouldBe(problem);
        duty.AdValoremPercent.ShouldBeNull();
        duty.PlainPercent.ShouldBeNull();
        duty.Specific.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void EmptyInputIsUnparsed(string? text)
    {
        var duty = DutyExpression.Parse(text, "USD");
        duty.Form.ShouldBe(DutyForm.Unparsed);
        duty.Problem.ShouldBe("empty");
        duty.Text.ShouldBe("");
    }

    [Fact]
    public void NeverThrowsAndStaysFastOnGarbage()
    {
        string[] inputs =
        [
            "😀", "💶/kg", "\0", "((((((((", "))))", "MIN", "MAX 5%", "5% MIN", "5% MIN 1% MIN 2%", "+", "¢", "$", "€/kg",
            "99999999999999999999999999999999999%", "9999999999999999999999999999999999/kg", "5 EUR / 0 kg", "1/0%", "5 1/0%",
            "5% (01 JAN-31 DEC),", "(01 JAN-31 DEC)", "The", "less", "5¢/kg less 1¢/kg", "5 EUR / % vol", "5 EUR / %",
            string.Concat(Enumerable.Repeat("1.", 2500)),
            string.Concat(Enumerable.Repeat("(", 5000)),
            string.Concat(Enumerable.Repeat("5% + ", 1000)),
            string.Concat(Enumerable.Repeat("1,000", 1000)),
            string.Concat(Enumerable.Repeat("on the ", 700)),
            "1¢/kg " + string.Concat(Enumerable.Repeat("on ", 1600)),
            string.Concat(Enumerable.Repeat("(A,", 1666)) + ")",
            new string('9', 5001),
        ];
        var clock = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var duty = DutyExpression.Parse(input, "USD");
            duty.ShouldNotBeNull();
            duty.Estimate(1000m, "USD", 10m, "kg").ShouldNotBeNull();
            DutyExpression.SplitPreferential(input).ShouldNotBeNull();
        }
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void NeverThrowsOnShortCombinationsOfRateTokens()
    {
        string[] tokens = ["5", "%", "¢", "$", "/", "kg", " ", "+", "MIN", "MAX", "(", ")", ",", ".", "EUR", "each", "1,000", "less"];
        foreach (var a in tokens)
        {
            foreach (var b in tokens)
            {
                foreach (var c in tokens)
                {
                    foreach (var d in tokens)
                    {
                        var duty = DutyExpression.Parse(a + b + c + d, "EUR");
                        (duty.IsParsed || duty.Problem is not null).ShouldBeTrue();
                        duty.Estimate(100m, "EUR", 1m, "kg");
                    }
                }
            }
        }
    }

    [Fact]
    public void ParsesTheSameInAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var duty = DutyExpression.Parse("10.00% + 77.00 GBP/100kg", "GBP");
            duty.AdValoremPercent.ShouldBe(10m);
            duty.Estimate(1234.5m, "GBP", 500m, "kg").Steps[0].ShouldBe("10% × 1,234.50 GBP = 123.45 GBP");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void EstimatesAnAdValoremDuty()
    {
        var estimate = DutyExpression.Parse("6.4%", "USD").Estimate(1000m, "USD", null, null);

        estimate.Amount.ShouldBe(64.00m);
        estimate.Currency.ShouldBe("USD");
        estimate.Steps.ShouldBe(["6.4% × 1,000.00 USD = 64.00 USD"]);
        estimate.Missing.ShouldBeNull();
    }

    [Fact]
    public void EstimatesAFreeRateAsZero()
    {
        var estimate = DutyExpression.Parse("Free", "USD").Estimate(1000m, "USD", null, null);
        estimate.Amount.ShouldBe(0m);
        estimate.Missing.ShouldBeNull();
    }

    [Fact]
    public void EstimatesASpecificDutyPerKilogram()
    {
        var estimate = DutyExpression.Parse("2.2¢/kg", "USD").Estimate(1000m, "USD", 500m, "kg");

        estimate.Amount.ShouldBe(11.00m);
        estimate.Steps.ShouldBe(["0.022 USD/kg × 500 kg = 11.00 USD"]);
    }

    [Theory]
    [InlineData(500, "kg", 170.00)]
    [InlineData(5, "100 kg", 170.00)]
    [InlineData(2, "t", 680.00)]
    [InlineData(250000, "g", 85.00)]
    public void EstimatesPerHundredKilogramsFromAnyMassUnit(double quantity, string unit, double expected)
    {
        var estimate = DutyExpression.Parse("34.00 GBP/100kg", "GBP").Estimate(0m, "GBP", (decimal)quantity, unit);

        estimate.Missing.ShouldBeNull();
        estimate.Amount.ShouldBe((decimal)expected);
    }

    [Fact]
    public void ShowsTheConversionInTheSteps()
    {
        DutyExpression.Parse("34.00 GBP/100kg", "GBP").Estimate(0m, "GBP", 2m, "t").Steps
            .ShouldBe(["34.00 GBP/100 kg × 2 t (= 2,000 kg) = 680.00 GBP"]);
    }

    [Fact]
    public void EstimatesACompoundDuty()
    {
        var estimate = DutyExpression.Parse("10.00% + 77.00 GBP/100kg", "GBP").Estimate(2000m, "GBP", 500m, "kg");

        estimate.Amount.ShouldBe(585.00m);
        estimate.Steps.ShouldBe(
        [
            "10% × 2,000.00 GBP = 200.00 GBP",
            "77.00 GBP/100 kg × 500 kg = 385.00 GBP",
            "Total: 200.00 GBP + 385.00 GBP = 585.00 GBP",
        ]);
    }

    [Fact]
    public void EstimatesAnItemRateFromDozens()
    {
        // 3 dozen = 36 articles: 3 × $16 + 25% of $100.
        DutyExpression.Parse("$16/doz. + 25%", "USD").Estimate(100m, "USD", 36m, "No.").Amount.ShouldBe(73.00m);
        DutyExpression.Parse("$1.58/pr. + 35%", "USD").Estimate(100m, "USD", 5m, "pairs").Amount.ShouldBe(42.90m);
        DutyExpression.Parse("37.5¢ each + 45%", "USD").Estimate(10m, "USD", 2m, "doz.").Amount.ShouldBe(13.50m);
    }

    [Fact]
    public void EstimatesAPerHectolitreRateFromLitres()
    {
        DutyExpression.Parse("32.00 EUR / hl", "EUR").Estimate(0m, "EUR", 250m, "l").Amount.ShouldBe(80.00m);
    }

    [Fact]
    public void AppliesAMinimum()
    {
        var duty = DutyExpression.Parse("12.00% MIN 0.40 EUR / 100 kg", "EUR");

        var floor = duty.Estimate(100m, "EUR", 5000m, "kg");
        floor.Amount.ShouldBe(20.00m);
        floor.Steps.ShouldBe(
        [
            "12% × 100.00 EUR = 12.00 EUR",
            "Minimum: 0.40 EUR/100 kg × 5,000 kg = 20.00 EUR, applies instead of 12.00 EUR",
        ]);

        duty.Estimate(1000m, "EUR", 500m, "kg").Amount.ShouldBe(120.00m);
    }

    [Fact]
    public void AppliesAMaximum()
    {
        var duty = DutyExpression.Parse("6.20% + 27.10 EUR / 100 kg MAX 17.90%", "EUR");

        // 62.00 + 271.00 = 333.00, capped at 17.9% of 1,000.00.
        duty.Estimate(1000m, "EUR", 1000m, "kg").Amount.ShouldBe(179.00m);
        // 62.00 + 2.71 = 64.71, under the cap.
        duty.Estimate(1000m, "EUR", 10m, "kg").Amount.ShouldBe(64.71m);
    }

    [Fact]
    public void AppliesBothBounds()
    {
        var duty = DutyExpression.Parse("18.40% MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg", "EUR");

        duty.Estimate(100m, "EUR", 100m, "kg").Amount.ShouldBe(22.00m);
        duty.Estimate(125m, "EUR", 100m, "kg").Amount.ShouldBe(23.00m);
        duty.Estimate(1000m, "EUR", 100m, "kg").Amount.ShouldBe(24.00m);
    }

    [Fact]
    public void TreatsNetMassAsPlainKilograms()
    {
        // Made up from the brief's example; EU/UK specific duties are per net mass unless qualified.
        DutyExpression.Parse("12.8% MIN 1.60 GBP/100kg/net", "GBP").Estimate(100m, "GBP", 1000m, "kg").Amount.ShouldBe(16.00m);
    }

    [Fact]
    public void AsksForTheQuantityWhenItIsMissing()
    {
        var estimate = DutyExpression.Parse("2.2¢/kg", "USD").Estimate(1000m, "USD", null, null);

        estimate.Amount.ShouldBeNull();
        estimate.Missing.ShouldBe("a quantity in kg");
        estimate.Steps.ShouldBeEmpty();
    }

    [Fact]
    public void AsksForTheQuantityInTheRightUnit()
    {
        DutyExpression.Parse("2.2¢/kg", "USD").Estimate(1000m, "USD", 10m, "l").Missing.ShouldBe("a quantity in kg");
        DutyExpression.Parse("12.00% MIN 0.40 EUR / 100 kg", "EUR").Estimate(100m, "EUR", null, null).Missing
            .ShouldBe("a quantity in kg");
    }

    [Fact]
    public void AsksForAQualifiedQuantityWhenTheRateHasABasis()
    {
        var duty = DutyExpression.Parse("3.7¢/kg on drained weight", "USD");

        duty.Estimate(0m, "USD", 100m, "kg").Missing.ShouldBe("a quantity in kg (on drained weight)");
        duty.Estimate(0m, "USD", 100m, "kg on drained weight").Amount.ShouldBe(3.70m);
        DutyExpression.Parse("1.75 EUR / % vol / hl", "EUR").Estimate(0m, "EUR", 10m, "hl").Missing
            .ShouldBe("a quantity in hl (% vol)");
    }

    [Fact]
    public void AsksForTheValueInTheCurrencyOfTheRate()
    {
        var estimate = DutyExpression.Parse("10.00% + 77.00 GBP/100kg", "GBP").Estimate(1000m, "EUR", 500m, "kg");

        estimate.Amount.ShouldBeNull();
        estimate.Currency.ShouldBe("GBP");
        estimate.Missing.ShouldBe("the value in GBP");
    }

    [Fact]
    public void ComputesAPurelySpecificDutyWhateverTheValueCurrency()
    {
        DutyExpression.Parse("34.00 GBP/100kg", "GBP").Estimate(1000m, "EUR", 100m, "kg").Amount.ShouldBe(34.00m);
    }

    [Theory]
    [InlineData("Entry Price", "not computable: entry price system")]
    [InlineData("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "not computable: seasonal rate: depends on the date of import")]
    [InlineData("The duty provided in the applicable subheading + 25%", "not computable: the rate of another provision applies")]
    [InlineData("12%%", "not computable: '12%%' is not a duty rate: doubled '%'")]
    public void ExplainsWhyADutyIsNotComputable(string text, string missing)
    {
        var estimate = DutyExpression.Parse(text, "EUR").Estimate(1000m, "EUR", 100m, "kg");

        estimate.Amount.ShouldBeNull();
        estimate.Missing.ShouldBe(missing);
    }

    [Fact]
    public void SplitsASingleFreeGroup()
    {
        var groups = DutyExpression.SplitPreferential("Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)");

        groups.Count.ShouldBe(1);
        groups[0].Rate.ShouldBe("Free");
        groups[0].Programmes.ShouldBe(["A+", "AU", "BH", "CL", "CO", "D", "E", "IL", "JO", "KR", "MA", "OM", "P", "PA", "PE", "S", "SG"]);
    }

    [Theory]
    [InlineData("Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 3.2% (JP)")]
    [InlineData("Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)3.2% (JP)")]
    [InlineData("Free(A, AU, BH,CL, CO, D, E, IL, JO, KR, MA, OM, P, PA, PE, S, SG)\n3.2%(JP)")]
    public void SplitsSeveralGroupsHoweverTheyAreSpaced(string special)
    {
        var groups = DutyExpression.SplitPreferential(special);

        groups.Count.ShouldBe(2);
        groups[0].Rate.ShouldBe("Free");
        groups[0].Programmes.Count.ShouldBe(17);
        groups[0].Programmes.ShouldContain("IL");
        groups[1].Rate.ShouldBe("3.2%");
        groups[1].Programmes.ShouldBe(["JP"]);
    }

    [Fact]
    public void TrimsCodesWrittenWithSpacesAndLineBreaks()
    {
        DutyExpression.SplitPreferential("Free (A+,AU,BH,CL,CO,D,E, IL,JO)")[0].Programmes
            .ShouldBe(["A+", "AU", "BH", "CL", "CO", "D", "E", "IL", "JO"]);
        DutyExpression.SplitPreferential("Free \n(A+, AU, BH,CL, CO, D, E, IL,JO, KR, MA, OM,P, PA, PE, S, SG)")[0].Rate
            .ShouldBe("Free");
    }

    [Fact]
    public void KeepsNotesInParenthesesInTheRate()
    {
        var groups = DutyExpression.SplitPreferential(
            "Free (AU,BH,CL, CO,IL,JO,KR,MA,OM,P,PA, PE,S,SG) A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter) (B,C,)");

        groups.Count.ShouldBe(2);
        groups[1].Rate.ShouldBe("A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)");
        groups[1].Programmes.ShouldBe(["B", "C"]);
    }

    [Fact]
    public void SplitsCrossReferencesAndRepairsADanglingCode()
    {
        var groups = DutyExpression.SplitPreferential(
            "Free (BH,CL,JO,KR,MA,OM,P,PE,SG) See 9823.04.01-9823.04.54 (S+) See 9908.04.05 (IL) See 9918.04.50, 9918.04.58 (CO) See 9919.04.50, 9919.04.57, 9919.04.67 (PA (PA)");

        groups.Select(g => g.Rate).ShouldBe(
            ["Free", "See 9823.04.01-9823.04.54", "See 9908.04.05", "See 9918.04.50, 9918.04.58", "See 9919.04.50, 9919.04.57, 9919.04.67"]);
        groups[^1].Programmes.ShouldBe(["PA"]);
        groups.ShouldAllBe(g => DutyExpression.Parse(g.Rate, "USD").IsParsed);
    }

    [Fact]
    public void SplitsSpecificAndCompoundPreferentialRates()
    {
        var groups = DutyExpression.SplitPreferential("Free (AU,BH, CL,CO,IL,JO, KR,MA,OM, P,PA,PE,S,SG) 31¢/kg + 5.4% (E)");

        groups[1].Rate.ShouldBe("31¢/kg + 5.4%");
        groups[1].Programmes.ShouldBe(["E"]);
        DutyExpression.Parse(groups[1].Rate, "USD").Form.ShouldBe(DutyForm.Compound);
    }

    [Theory]
    [InlineData("No change")]
    [InlineData("15%")]
    [InlineData("Free (See U.S. note 4 of this subchapter)")]
    public void KeepsTextWithoutCodesAsOneGroup(string special)
    {
        var groups = DutyExpression.SplitPreferential(special);

        groups.Count.ShouldBe(1);
        groups[0].Rate.ShouldBe(special);
        groups[0].Programmes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void SplitsNothingIntoNoGroups(string? special)
    {
        DutyExpression.SplitPreferential(special).ShouldBeEmpty();
    }
}
