using System.Globalization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Importing;

// The USITC "CSV export" of the Harmonized Tariff Schedule of the United States. Rates are set at the 8- or
// 10-digit level and printed rows nest by indent, so a line's full description is read from the rows above it.
public static class UsTariffSchedule
{
    public const string File = "tariffs/us-hts-2026-rev4.csv.gz";
    public const string ProgrammesFile = "tariffs/us-special-programmes.csv";

    // Column 2 applies instead of MFN to economies without normal trade relations (HTSUS General Note 3(b)).
    public const string Column2 = "2";

    public static TariffScheduleDraft Read(IEnumerable<IReadOnlyDictionary<string, string>> rows, DateTimeOffset receivedAt)
    {
        var draft = new TariffScheduleDraft(new TariffSchedule
        {
            EconomyIso3 = "USA",
            ValidFrom = new DateOnly(2026, 1, 1),
            Title = "Harmonized Tariff Schedule of the United States (2026), Revision 4",
            Source = "U.S. International Trade Commission, HTS CSV export hts_2026_revision_4_csv.csv (public domain)",
            Currency = "USD",
            HsEdition = HsEdition.Current,
            Origin = TariffScheduleOrigin.Shipped,
            ReceivedAt = receivedAt,
            Caveat = "Revision 4 of the 2026 edition; the file does not carry the revision's own effective date, so this "
                + "version is dated from 1 January 2026. Additional duties of chapter 99 (Sections 201, 232 and 301, "
                + "IEEPA measures) are linked to lines by footnotes that the export omits, and are not included.",
        });
        draft.Schedule.Programmes.AddRange(Programmes());

        var ancestors = new List<(int Indent, string Text)>();
        TariffLine? lastLine = null;
        foreach (var row in rows)
        {
            var code = row["HTS Number"].Replace(".", "", StringComparison.Ordinal);
            var indent = int.Parse(row["Indent"], CultureInfo.InvariantCulture);
            var description = row["Description"].Trim();
            ancestors.RemoveAll(a => a.Indent >= indent);

            if (code.Length > 0 && code[..2] is "98" or "99")
            {
                draft.SkippedRows++;
                continue;
            }
            var units = Units(row["Unit of Quantity"]);
            if (lastLine is not null && code.Length == 10 && code.StartsWith(lastLine.Code, StringComparison.Ordinal) && units is not null)
            {
                // Statistical suffixes under a rate line tell which quantities the duty and the statistics use.
                lastLine.Units = lastLine.Units is null ? units : string.Join(", ", lastLine.Units.Split(", ").Union(units.Split(", ")));
            }
            var general = row["General Rate of Duty"].Trim();
            var special = row["Special Rate of Duty"].Trim();
            var column2 = row["Column 2 Rate of Duty"].Trim();
            if (code.Length is 8 or 10 && (general.Length > 0 || special.Length > 0 || column2.Length > 0))
            {
                lastLine = new TariffLine
                {
                    Code = code,
                    Hs6 = code[..6],
                    Description = description,
                    FullDescription = string.Join(" — ", ancestors.Select(a => a.Text).Append(description.TrimEnd(':'))),
                    Units = units,
                };
                if (general.Length > 0)
                {
                    lastLine.Rates.Add(TariffScheduleDraft.Rate(TariffRateKind.Mfn, null, DutyExpression.Parse(general, "USD")));
                }
                foreach (var (rate, programmes) in DutyExpression.SplitPreferential(special))
                {
                    lastLine.Rates.Add(TariffScheduleDraft.Rate(
                        TariffRateKind.Preferential, string.Join(',', programmes), DutyExpression.Parse(rate, "USD")));
                }
                if (column2.Length > 0)
                {
                    lastLine.Rates.Add(TariffScheduleDraft.Rate(TariffRateKind.NonMfn, Column2, DutyExpression.Parse(column2, "USD")));
                }
                draft.Lines.Add(lastLine);
            }
            ancestors.Add((indent, description.TrimEnd(':')));
        }
        return draft;
    }

    static string? Units(string json)
    {
        // The export prints units as a JSON-like list: ["No.","kg"].
        var units = json.Trim('[', ']', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(u => u.Trim().Trim('"').Trim())
            .Where(u => u.Length > 0)
            .ToList();
        return units.Count == 0 ? null : string.Join(", ", units);
    }

    static IEnumerable<TariffProgramme> Programmes()
    {
        foreach (var row in Csv.ReadRows(ProgrammesFile))
        {
            yield return new TariffProgramme
            {
                Code = row["code"],
                Name = row["name"],
                Kind = row["kind"] switch
                {
                    "rta" => TariffProgrammeKind.Agreement,
                    "unilateral" => TariffProgrammeKind.Unilateral,
                    _ => TariffProgrammeKind.Sectoral,
                },
                RtaId = int.TryParse(row["rta_id"], CultureInfo.InvariantCulture, out var id) ? id : null,
                Origins = row["origins"],
                Note = row["status_note"].NullIfEmpty(),
                Source = row["source"].NullIfEmpty(),
                LapsedOn = row["lapsed_on"].IsoDate(),
            };
        }
        yield return new TariffProgramme
        {
            Code = Column2,
            Name = "Column 2 (economies without normal trade relations)",
            Kind = TariffProgrammeKind.NonMfn,
            Origins = "BLR CUB PRK RUS",
            Note = "Column 2 rates replace the General (MFN) rate for these origins.",
            Source = "HTSUS General Note 3(b); Suspending Normal Trade Relations with Russia and Belarus Act, Pub. L. 117-110 (2022)",
        };
    }
}
