using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Tariffs;

namespace Trade4Msmes.Web.Importing;

// One problem found while checking a transmission: where (line of the CSV file, or record number of the JSON
// document), which field, and what is wrong, in words the sender can act on.
public record TransmissionProblem(int Line, string? Field, string Problem);

// What a transmission says about itself; for CSV it comes from the request, for JSON from the document.
public record TransmissionHeader(string? ValidFrom, string? Title, string? Currency, int? HsEdition, string? Source);

// The Trade4MSMEs tariff transmission format, version 1 (docs/tariff-transmission.md): one record per row, so the
// seven kinds of IDB data fit one schema in CSV and JSON alike. Checking is all-or-nothing: a transmission with
// any problem yields no draft.
public sealed class TariffTransmission
{
    public const string FormatName = "trade4msmes-tariff/1";
    public const int MaxProblems = 500;

    public static readonly string[] Columns =
        ["record", "line", "description", "duty", "out_of_quota_duty", "programme", "agreement", "origins", "year", "value", "quantity", "unit"];

    public static readonly string[] RecordTypes = ["programme", "line", "mfn", "preferential", "non-mfn", "ave", "tax", "quota", "import"];

    readonly string economy;
    readonly IReadOnlySet<string> knownEconomies;
    readonly IReadOnlySet<string> hs6Codes;
    readonly List<TransmissionProblem> problems = [];
    readonly Dictionary<string, TariffLine> lines = new(StringComparer.Ordinal);
    readonly Dictionary<string, TariffProgramme> programmes = new(StringComparer.Ordinal);
    readonly List<(int Number, Dictionary<string, string> Fields)> records = [];
    readonly List<TariffImport> imports = [];
    string currency = "";

    TariffTransmission(string economy, IReadOnlySet<string> knownEconomies, IReadOnlySet<string> hs6Codes)
    {
        this.economy = economy;
        this.knownEconomies = knownEconomies;
        this.hs6Codes = hs6Codes;
    }

    public sealed record Result(TariffScheduleDraft? Draft, IReadOnlyList<TransmissionProblem> Problems, bool Truncated);

    // hs6Codes: the subheadings of the HS edition the transmission declares, to check every line against.
    public static Result ReadCsv(
        byte[] body, string economy, TransmissionHeader header, IReadOnlySet<string> knownEconomies,
        Func<int, IReadOnlySet<string>> hs6Codes, DateTimeOffset receivedAt, string transmittedBy)
    {
        var reader = new TariffTransmission(economy, knownEconomies, hs6Codes(header.HsEdition ?? HsEdition.Current));
        if (reader.Decode(body) is { } text)
        {
            reader.ParseCsv(text);
        }
        return reader.Finish(header, receivedAt, transmittedBy);
    }

    public static Result ReadJson(
        byte[] body, string economy, IReadOnlySet<string> knownEconomies, Func<int, IReadOnlySet<string>> hs6Codes,
        DateTimeOffset receivedAt, string transmittedBy)
    {
        var probe = new TariffTransmission(economy, knownEconomies, new HashSet<string>());
        if (probe.Decode(body) is not { } text)
        {
            return probe.Finish(new TransmissionHeader(null, null, null, null, null), receivedAt, transmittedBy);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            probe.Problem((int)(e.LineNumber ?? 0) + 1, null, $"Not valid JSON: {e.Message}");
            return probe.Finish(new TransmissionHeader(null, null, null, null, null), receivedAt, transmittedBy);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                probe.Problem(0, null, "The document must be a JSON object with \"format\", \"validFrom\", \"currency\" and \"records\".");
                return probe.Finish(new TransmissionHeader(null, null, null, null, null), receivedAt, transmittedBy);
            }
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            int? edition = root.TryGetProperty("hsEdition", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n : null;
            var header = new TransmissionHeader(Text("validFrom"), Text("title"), Text("currency"), edition, Text("source"));
            var reader = new TariffTransmission(economy, knownEconomies, hs6Codes(edition ?? HsEdition.Current));
            if (Text("format") != FormatName)
            {
                reader.Problem(0, "format", $"\"format\" must be \"{FormatName}\".");
            }
            if (!root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                reader.Problem(0, "records", "\"records\" must be an array of records.");
                return reader.Finish(header, receivedAt, transmittedBy);
            }
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    reader.Problem(number, null, "A record must be a JSON object.");
                    continue;
                }
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    if (!Columns.Contains(property.Name))
                    {
                        reader.Problem(number, property.Name, $"Unknown field \"{property.Name}\". Fields are: {string.Join(", ", Columns)}.");
                        continue;
                    }
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!.Trim(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.Null => "",
                        _ => "\u0000",
                    };
                    if (fields[property.Name] == "\u0000")
                    {
                        reader.Problem(number, property.Name, "Must be a string or a number.");
                    }
                }
                reader.records.Add((number, fields));
            }
            return reader.Finish(header, receivedAt, transmittedBy);
        }
    }

    string? Decode(byte[] body)
    {
        if (body.Length == 0)
        {
            Problem(0, null, "The file is empty.");
            return null;
        }
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + body.AsSpan(0, Math.Max(0, Math.Min(e.Index, body.Length))).Count((byte)'\n');
            Problem(line, null, "The file is not UTF-8 text (invalid bytes on this line). Save it as UTF-8 and send it again.");
            return null;
        }
    }

    void ParseCsv(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var csv = new CsvParser(new StringReader(text), configuration);
        if (!csv.Read())
        {
            Problem(1, null, "The file has no header row.");
            return;
        }
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        if (!header.SequenceEqual(Columns))
        {
            Problem(1, null, $"The header must be exactly: {string.Join(",", Columns)}");
            return;
        }
        while (csv.Read())
        {
            var line = csv.Row;
            var values = csv.Record!;
            if (values.Length == 1 && values[0].Length == 0)
            {
                continue;
            }
            if (values.Length != Columns.Length)
            {
                Problem(line, null, $"Expected {Columns.Length} columns, found {values.Length}.");
                continue;
            }
            records.Add((line, Columns.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }
    }

    Result Finish(TransmissionHeader header, DateTimeOffset receivedAt, string transmittedBy)
    {
        var validFrom = CheckHeader(header);
        // Programmes and lines first, so a rate may refer to them wherever they appear in the file.
        foreach (var (number, fields) in records.Where(r => Field(r.Fields, "record") == "programme"))
        {
            AddProgramme(number, fields);
        }
        foreach (var (number, fields) in records.Where(r => Field(r.Fields, "record") == "line"))
        {
            AddLine(number, fields);
        }
        foreach (var (number, fields) in records.Where(r => Field(r.Fields, "record") is not ("programme" or "line")))
        {
            AddRecord(number, fields);
        }
        foreach (var line in lines.Values.Where(l => !l.Rates.Any(r => r.Kind == TariffRateKind.Mfn)))
        {
            Problem(0, "line", $"Line {line.Code} has no \"mfn\" record: every line needs its applied MFN duty.");
        }
        if (problems.Count == 0 && lines.Count == 0)
        {
            Problem(0, null, "The transmission holds no tariff line.");
        }
        if (problems.Count > 0 || validFrom is null)
        {
            return new Result(null, problems.Take(MaxProblems).ToList(), problems.Count > MaxProblems);
        }
        var draft = new TariffScheduleDraft(new TariffSchedule
        {
            EconomyIso3 = economy,
            ValidFrom = validFrom.Value,
            Title = (header.Title ?? "").NullIfEmpty() ?? $"Applied tariff of {economy} from {validFrom.Value:yyyy-MM-dd}",
            Source = (header.Source ?? "").NullIfEmpty() ?? $"Transmitted by {transmittedBy}",
            Currency = currency,
            HsEdition = header.HsEdition ?? HsEdition.Current,
            Origin = TariffScheduleOrigin.Transmitted,
            TransmittedBy = transmittedBy,
            ReceivedAt = receivedAt,
        });
        draft.Schedule.Programmes.AddRange(programmes.Values);
        draft.Lines.AddRange(lines.Values.OrderBy(l => l.Code, StringComparer.Ordinal));
        draft.Imports.AddRange(imports);
        return new Result(draft, [], false);
    }

    DateOnly? CheckHeader(TransmissionHeader header)
    {
        DateOnly? validFrom = header.ValidFrom?.IsoDate();
        if (validFrom is null)
        {
            Problem(0, "validFrom", header.ValidFrom is null
                ? "Say from which date the schedule applies (validFrom, YYYY-MM-DD)."
                : $"validFrom \"{header.ValidFrom}\" is not a date: write it as YYYY-MM-DD.");
        }
        currency = header.Currency?.Trim().ToUpperInvariant() ?? "";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            Problem(0, "currency", "Give the currency of specific duties and values as three letters (ISO 4217), e.g. USD.");
        }
        if (header.HsEdition is { } edition && !HsEdition.IsKnown(edition))
        {
            Problem(0, "hsEdition", $"HS edition {edition} is not held: use {HsEdition.Current} or {HsEdition.Previous}.");
        }
        return validFrom;
    }

    void AddProgramme(int number, Dictionary<string, string> fields)
    {
        var code = Field(fields, "programme");
        if (code.Length is 0 or > 20)
        {
            Problem(number, "programme", "A programme record needs a code of 1 to 20 characters in \"programme\".");
            return;
        }
        if (programmes.ContainsKey(code))
        {
            Problem(number, "programme", $"Programme {code} is declared twice.");
            return;
        }
        var origins = Field(fields, "origins");
        var list = origins.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (origins != "*")
        {
            if (list.Length == 0)
            {
                Problem(number, "origins", "List the origins that qualify as ISO 3166-1 alpha-3 codes separated by spaces, or * for any origin.");
                return;
            }
            if (list.FirstOrDefault(o => !knownEconomies.Contains(o)) is { } unknown)
            {
                Problem(number, "origins", $"\"{unknown}\" is not an economy code (ISO 3166-1 alpha-3, e.g. KEN).");
                return;
            }
        }
        int? rtaId = null;
        if (Field(fields, "agreement") is { Length: > 0 } agreement)
        {
            if (!int.TryParse(agreement, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                Problem(number, "agreement", $"\"{agreement}\" is not a WTO RTA ID (a whole number).");
                return;
            }
            rtaId = id;
        }
        programmes[code] = new TariffProgramme
        {
            Code = code,
            Name = Field(fields, "description").NullIfEmpty() ?? code,
            Kind = rtaId is null ? TariffProgrammeKind.Unilateral : TariffProgrammeKind.Agreement,
            RtaId = rtaId,
            Origins = origins == "*" ? "*" : string.Join(' ', list),
        };
    }

    void AddLine(int number, Dictionary<string, string> fields)
    {
        var code = Field(fields, "line");
        if (!CheckCode(number, code))
        {
            return;
        }
        if (lines.ContainsKey(code))
        {
            Problem(number, "line", $"Line {code} is declared twice.");
            return;
        }
        var description = Field(fields, "description");
        if (description.Length is 0 or > 1000)
        {
            Problem(number, "description", "A line needs a description of 1 to 1,000 characters.");
            return;
        }
        lines[code] = new TariffLine
        {
            Code = code,
            Hs6 = code[..6],
            Description = description,
            FullDescription = description,
            Units = Field(fields, "unit").NullIfEmpty(),
        };
    }

    bool CheckCode(int number, string code)
    {
        if (code.Length is < 6 or > 12 || !code.All(char.IsAsciiDigit))
        {
            Problem(number, "line", $"\"{code}\" is not a national tariff line: use 6 to 12 digits, without dots.");
            return false;
        }
        if (!hs6Codes.Contains(code[..6]))
        {
            Problem(number, "line", $"Line {code} does not start with an HS subheading of the declared edition ({code[..6]} is not one).");
            return false;
        }
        return true;
    }

    void AddRecord(int number, Dictionary<string, string> fields)
    {
        var type = Field(fields, "record");
        if (!RecordTypes.Contains(type))
        {
            Problem(number, "record", $"Unknown record type \"{type}\". Use one of: {string.Join(", ", RecordTypes)}.");
            return;
        }
        var code = Field(fields, "line");
        if (!lines.TryGetValue(code, out var line))
        {
            Problem(number, "line", code.Length == 0 ? "This record needs a line." : $"Line {code} is not declared by a \"line\" record.");
            return;
        }
        switch (type)
        {
            case "mfn":
                if (line.Rates.Any(r => r.Kind == TariffRateKind.Mfn))
                {
                    Problem(number, "duty", $"Line {code} has a second MFN duty.");
                }
                else if (Duty(number, fields, "duty") is { } mfn)
                {
                    line.Rates.Add(TariffScheduleDraft.Rate(TariffRateKind.Mfn, null, mfn));
                }
                break;
            case "preferential" or "non-mfn":
                var programme = Field(fields, "programme");
                if (!programmes.TryGetValue(programme, out var declared))
                {
                    Problem(number, "programme", programme.Length == 0
                        ? "Name the programme or agreement the rate belongs to."
                        : $"Programme {programme} is not declared by a \"programme\" record.");
                }
                else if (Duty(number, fields, "duty") is { } rate)
                {
                    var kind = type == "preferential" ? TariffRateKind.Preferential : TariffRateKind.NonMfn;
                    if (kind == TariffRateKind.NonMfn)
                    {
                        declared.Kind = TariffProgrammeKind.NonMfn;
                    }
                    line.Rates.Add(TariffScheduleDraft.Rate(kind, programme, rate));
                }
                break;
            case "ave":
                if (Number(number, fields, "duty", out var percent, allowPercent: true) is true)
                {
                    line.AdValoremEquivalent = percent;
                }
                break;
            case "tax":
                var name = Field(fields, "description");
                if (name.Length == 0)
                {
                    Problem(number, "description", "Name the tax in \"description\", e.g. VAT.");
                }
                else if (Duty(number, fields, "duty") is { } tax)
                {
                    line.Rates.Add(TariffScheduleDraft.Rate(TariffRateKind.InternalTax, name, tax));
                }
                break;
            case "quota":
                AddQuota(number, fields, line);
                break;
            case "import":
                AddImport(number, fields, line);
                break;
        }
    }

    void AddQuota(int number, Dictionary<string, string> fields, TariffLine line)
    {
        var inQuota = Duty(number, fields, "duty");
        var outOfQuota = Duty(number, fields, "out_of_quota_duty");
        var hasQuantity = Number(number, fields, "quantity", out var quantity);
        var hasImports = Number(number, fields, "value", out var filled);
        var programme = Field(fields, "programme").NullIfEmpty();
        if (programme is not null && !programmes.ContainsKey(programme))
        {
            Problem(number, "programme", $"Programme {programme} is not declared by a \"programme\" record.");
            return;
        }
        if (inQuota is null || outOfQuota is null || hasQuantity is false || hasImports is false)
        {
            return;
        }
        line.Quotas.Add(new TariffRateQuota
        {
            Programme = programme,
            Quantity = hasQuantity is true ? quantity : null,
            Unit = Field(fields, "unit").NullIfEmpty(),
            InQuotaRate = inQuota.Text,
            OutOfQuotaRate = outOfQuota.Text,
            ImportsUnderQuota = hasImports is true ? filled : null,
        });
    }

    void AddImport(int number, Dictionary<string, string> fields, TariffLine line)
    {
        var origin = Field(fields, "origins");
        if (!knownEconomies.Contains(origin))
        {
            Problem(number, "origins", origin.Length == 0
                ? "An import record needs its origin (one ISO 3166-1 alpha-3 code) in \"origins\"."
                : $"\"{origin}\" is not an economy code (ISO 3166-1 alpha-3, e.g. KEN).");
            return;
        }
        if (!int.TryParse(Field(fields, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1950 or > 2100)
        {
            Problem(number, "year", $"\"{Field(fields, "year")}\" is not a year between 1950 and 2100.");
            return;
        }
        var hasValue = Number(number, fields, "value", out var value);
        var hasQuantity = Number(number, fields, "quantity", out var quantity);
        if (hasValue is null)
        {
            Problem(number, "value", "An import record needs its value.");
        }
        if (hasValue is not true || hasQuantity is false)
        {
            return;
        }
        imports.Add(new TariffImport
        {
            LineCode = line.Code,
            OriginIso3 = origin,
            Year = year,
            Value = value,
            Quantity = hasQuantity is true ? quantity : null,
            Unit = Field(fields, "unit").NullIfEmpty(),
        });
    }

    DutyExpression? Duty(int number, Dictionary<string, string> fields, string field)
    {
        var text = Field(fields, field);
        var duty = DutyExpression.Parse(text, currency.Length == 3 ? currency : "USD");
        if (duty.IsParsed)
        {
            return duty;
        }
        Problem(number, field, text.Length == 0 ? "A duty is required here, e.g. 5%, Free or 1.5¢/kg." : duty.Problem ?? $"\"{text}\" is not a duty rate.");
        return null;
    }

    // Null when the field is empty, false (with a problem recorded) when it is not a non-negative number.
    bool? Number(int number, Dictionary<string, string> fields, string field, out decimal value, bool allowPercent = false)
    {
        var text = Field(fields, field);
        if (allowPercent)
        {
            text = text.TrimEnd('%').TrimEnd();
        }
        value = 0;
        if (text.Length == 0)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            Problem(number, field, $"\"{Field(fields, field)}\" is not a number (use a dot for decimals, no thousands separator).");
            return false;
        }
        return true;
    }

    static string Field(Dictionary<string, string> fields, string name) => fields.TryGetValue(name, out var v) ? v.Trim() : "";

    void Problem(int line, string? field, string problem) => problems.Add(new TransmissionProblem(line, field, problem));
}
