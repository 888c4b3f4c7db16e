using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Importing;

// The UK Global Tariff as announced for 1 January 2021, which lists beside each UK rate the EU's 2020 Common
// External Tariff rate: one file, two schedules (GBR and the EU as EUN). Codes are CN8/TARIC10 based on HS 2017.
public static class UkGlobalTariff
{
    public const string File = "tariffs/uk-global-tariff-2021.csv.gz";

    // Line notes are stored as tokens and worded on the page, in the reader's language.
    public const string TradeRemedyNote = "trade-remedy";
    public const string SuspensionNote = "suspension";
    public const string QuotaNote = "autonomous-quota";

    public static IReadOnlyList<TariffScheduleDraft> Read(IEnumerable<IReadOnlyDictionary<string, string>> rows, DateTimeOffset receivedAt)
    {
        const string Repository = "UK Department for International Trade, github.com/uktrade/global-uk-tariff";
        TariffScheduleDraft Draft(string economy, DateOnly validFrom, string title, string source, string currency, string caveat) =>
            new(new TariffSchedule
            {
                EconomyIso3 = economy,
                ValidFrom = validFrom,
                Title = title,
                Source = source,
                Currency = currency,
                HsEdition = HsEdition.Previous,
                Origin = TariffScheduleOrigin.Shipped,
                ReceivedAt = receivedAt,
                Caveat = caveat,
            });
        var uk = Draft("GBR", new DateOnly(2021, 1, 1), "UK Global Tariff, as announced for 1 January 2021",
            $"{Repository} (Open Government Licence v3.0)", "GBP",
            "The UK MFN tariff as announced for 1 January 2021, on HS 2017 codes. The UK moved to HS 2022 in 2022 "
            + "and has changed rates since; preferential (FTA) rates, VAT and other measures are not in this file.");
        var eu = Draft("EUN", new DateOnly(2020, 1, 1), "EU Common External Tariff 2020 (third-country duties), as listed beside the UK Global Tariff",
            $"{Repository}, column cet_duty_rate (Open Government Licence v3.0)", "EUR",
            "The EU's 2020 third-country duties as listed by the UK for comparison, on HS 2017 codes. "
            + "The EU has changed its tariff since; preferential rates, VAT and other measures are not in this file.");
        foreach (var row in rows)
        {
            var code = row["commodity"].Trim();
            var description = row["description"].Trim();
            var notes = string.Join(' ', new[]
            {
                row["trade_remedy_applies"] == "True" ? TradeRemedyNote : null,
                row["suspension_applies"] == "True" ? SuspensionNote : null,
                row["atq_applies"] == "True" ? QuotaNote : null,
            }.OfType<string>()).NullIfEmpty();
            uk.Lines.Add(Line(code, description, notes, DutyExpression.Parse(row["ukgt_duty_rate"], "GBP")));
            eu.Lines.Add(Line(code, description, null, DutyExpression.Parse(row["cet_duty_rate"], "EUR")));
        }
        return [uk, eu];
    }

    static TariffLine Line(string code, string description, string? notes, DutyExpression mfn) => new()
    {
        Code = code,
        Hs6 = code[..6],
        Description = description,
        FullDescription = description,
        Notes = notes,
        Rates = [TariffScheduleDraft.Rate(TariffRateKind.Mfn, null, mfn)],
    };
}
