using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Importing;

// A WTO notification symbol: "G/TBT/N/USA/1234", "G/SPS/N/EU/640/Add.1/Corr.1", or a joint one
// ("G/SPS/N/BDI/KEN/RWA/TZA/UGA/10"). The suffixes say what kind of follow-up it is and whose.
public sealed partial record NotificationSymbol(string Value, NotificationDomain Domain, string FirstMember, string? Parent, NotificationType? FollowUp)
{
    public static bool TryParse(string? text, out NotificationSymbol symbol)
    {
        symbol = default!;
        var match = Pattern().Match((text ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success)
        {
            return false;
        }
        var domain = match.Groups["domain"].Value.Equals("SPS", StringComparison.OrdinalIgnoreCase) ? NotificationDomain.Sps : NotificationDomain.Tbt;
        var members = match.Groups["members"].Value.ToUpperInvariant();
        var root = $"G/{domain.ToString().ToUpperInvariant()}/N/{members}{match.Groups["number"].Value}";
        var parts = match.Groups["suffix"].Captures.Select(c => c.Value).ToList();
        var suffixes = parts.Select(p =>
        {
            var dot = p.IndexOf('.', StringComparison.Ordinal);
            var word = p[1..dot].ToLowerInvariant() switch { "add" => "Add", "corr" => "Corr", "rev" => "Rev", _ => "Suppl" };
            return $"/{word}.{p[(dot + 1)..]}";
        }).ToList();
        var value = root + string.Concat(suffixes);
        string? parent = suffixes.Count == 0 ? null : root + string.Concat(suffixes.SkipLast(1));
        NotificationType? followUp = suffixes.Count == 0 ? null : suffixes[^1][1..3] switch
        {
            "Ad" => NotificationType.Addendum,
            "Co" => NotificationType.Corrigendum,
            "Re" => NotificationType.Revision,
            _ => NotificationType.Supplement,
        };
        var first = members.Split('/')[0];
        symbol = new NotificationSymbol(value, domain, first == "EU" ? "EUN" : first, parent, followUp);
        return true;
    }

    [GeneratedRegex(@"^G/(?<domain>SPS|TBT)/N/(?<members>(?:[A-Za-z]{2,3}/)+)(?<number>\d{1,5})(?<suffix>/(?:Add|Corr|Rev|Suppl)\.\d{1,3})*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

// Reads notifications in the JSON that ePing's notification search returns, or in a CSV with the same fields
// (docs/alerts.md has the mapping). Every record is checked; the result has either all the notifications or,
// when anything is wrong, none and every problem with its line (CSV) or record number (JSON).
public sealed partial class NotificationFile
{
    public static readonly string[] Fields =
    [
        "documentSymbol", "area", "notificationType", "notifyingMember", "distributionDate", "commentDeadlineDate",
        "proposedEntryIntoForceDate", "title", "description", "productsFreeText", "hsCodes", "icsCodes", "objectives",
        "keywords", "isOpenForComments", "notifiedDocumentLink", "language",
    ];

    static readonly string[] Required = ["documentSymbol", "notifyingMember", "distributionDate", "title"];

    // Fields that hold lists: in a CSV cell or a form field, their values are separated by semicolons.
    static readonly string[] ListFields = ["hsCodes", "icsCodes", "objectives", "keywords", "notifiedDocumentLink"];
    static readonly string[] ListRoots = ["items", "results", "notifications"];
    static readonly string[] ObjectValues = ["code", "value", "name", "url"];

    const int MaxProblems = 200;
    const int MaxRecords = 20_000;

    readonly Func<string, string?> member;
    readonly IReadOnlySet<string> hsCodes;
    readonly List<TransmissionProblem> problems = [];
    readonly List<Notification> notifications = [];
    readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    NotificationFile(Func<string, string?> member, IReadOnlySet<string> hsCodes) => (this.member, this.hsCodes) = (member, hsCodes);

    public sealed record Result(IReadOnlyList<Notification> Notifications, IReadOnlyList<TransmissionProblem> Problems, bool Truncated);

    // member: a notifying member as written (ISO3 or name) to its ISO3 code, or null; hsCodes: every known HS
    // 2022 and 2017 code of 2, 4 and 6 digits.
    public static Result Read(byte[] body, bool json, Func<string, string?> member, IReadOnlySet<string> hsCodes)
    {
        var file = new NotificationFile(member, hsCodes);
        if (file.Decode(body) is { } text)
        {
            if (json)
            {
                file.ReadJson(text);
            }
            else
            {
                file.ReadCsv(text);
            }
        }
        if (file.problems.Count == 0 && file.notifications.Count == 0)
        {
            file.Problem(0, null, "The file has no notifications.");
        }
        return file.problems.Count == 0
            ? new Result(file.notifications, [], false)
            : new Result([], file.problems.Take(MaxProblems).ToList(), file.problems.Count > MaxProblems);
    }

    // One notification from a form: the same fields, lists separated by semicolons or new lines.
    public static Result ReadForm(IReadOnlyDictionary<string, string> form, Func<string, string?> member, IReadOnlySet<string> hsCodes)
    {
        var file = new NotificationFile(member, hsCodes);
        file.Add(0, form.Where(f => Fields.Contains(f.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(
            f => f.Key,
            f => Cell(f.Key, f.Value),
            StringComparer.OrdinalIgnoreCase));
        return file.problems.Count == 0 ? new Result(file.notifications, [], false) : new Result([], file.problems, false);
    }

    void Problem(int line, string? field, string problem) => problems.Add(new TransmissionProblem(line, field, problem));

    string? Decode(byte[] body)
    {
        if (body.Length == 0)
        {
            Problem(0, null, "The file is empty.");
            return null;
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + body.AsSpan(0, Math.Clamp(e.Index, 0, body.Length)).Count((byte)'\n');
            Problem(line, null, "The file is not UTF-8 text (invalid bytes on this line). Save it as UTF-8 and send it again.");
            return null;
        }
    }

    // Either an array of records, or an object whose "items" (or "results", "notifications") is one.
    void ReadJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            Problem((int)(e.LineNumber ?? 0) + 1, null, $"Not valid JSON: {e.Message}");
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root
                : ListRoots.Select(n => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(n, out var p) ? p : default)
                    .FirstOrDefault(p => p.ValueKind == JsonValueKind.Array);
            if (list.ValueKind != JsonValueKind.Array)
            {
                Problem(0, null, "The document must be an array of notifications, or an object with an \"items\" array.");
                return;
            }
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problem(number, null, "A notification must be a JSON object.");
                    continue;
                }
                var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in item.EnumerateObject())
                {
                    // ePing's records carry more than the product needs (ids, translations): unknown fields are skipped.
                    if (Fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && Values(property.Value) is { } values)
                    {
                        fields[property.Name] = values;
                    }
                    else if (Fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        Problem(number, property.Name, "Must be a string, a number, a boolean, or a list of them.");
                    }
                }
                Add(number, fields);
            }
        }
    }

    // A field's values: a scalar, a list of scalars, or a list of objects with a "code", "value", "name" or "url".
    static List<string>? Values(JsonElement value)
    {
        static string? Scalar(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Object => ObjectValues
                .Select(n => e.TryGetProperty(n, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null)
                .FirstOrDefault(s => s is not null),
            _ => null,
        };
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return [];
            case JsonValueKind.Array:
                var list = new List<string>();
                foreach (var element in value.EnumerateArray())
                {
                    if (Scalar(element) is not { } s)
                    {
                        return null;
                    }
                    list.Add(s);
                }
                return list;
            default:
                return Scalar(value) is { } one ? [one] : null;
        }
    }

    void ReadCsv(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null, DetectColumnCountChanges = false };
        using var csv = new CsvParser(new StringReader(text), configuration);
        if (!csv.Read())
        {
            Problem(1, null, "The file has no header row.");
            return;
        }
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        var unknown = header.Where(h => !Fields.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            Problem(1, null, $"Unknown columns: {string.Join(", ", unknown)}. The columns are: {string.Join(",", Fields)}.");
            return;
        }
        var missing = Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            Problem(1, null, $"Missing columns: {string.Join(", ", missing)}. Every row needs {string.Join(", ", Required)}.");
            return;
        }
        while (csv.Read())
        {
            var line = csv.RawRow;
            var record = csv.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length != header.Length)
            {
                Problem(line, null, $"The row has {record.Length} fields; the header has {header.Length}.");
                continue;
            }
            var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = Cell(header[i], record[i]);
            }
            Add(line, fields);
        }
    }

    static List<string> Cell(string field, string text) =>
        ListFields.Contains(field, StringComparer.OrdinalIgnoreCase)
            ? text.Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
            : [text.Trim()];

    void Add(int line, Dictionary<string, List<string>> fields)
    {
        if (notifications.Count >= MaxRecords)
        {
            Problem(line, null, $"A file may hold at most {MaxRecords} notifications; split it.");
            return;
        }
        string? One(string name) => fields.TryGetValue(name, out var v) && v.Count > 0 ? string.Join("; ", v).Trim().NullIfEmpty() : null;
        List<string> Many(string name) => fields.TryGetValue(name, out var v) ? v.Select(s => s.Trim()).Where(s => s.Length > 0).ToList() : [];
        var before = problems.Count;

        var symbolText = One("documentSymbol");
        NotificationSymbol? symbol = null;
        if (symbolText is null)
        {
            Problem(line, "documentSymbol", "Required, e.g. G/TBT/N/USA/1234 or G/SPS/N/EU/640/Add.1.");
        }
        else if (!NotificationSymbol.TryParse(symbolText, out var parsed))
        {
            Problem(line, "documentSymbol", $"\"{symbolText}\" is not a WTO SPS or TBT notification symbol (G/SPS/N/… or G/TBT/N/…).");
        }
        else if (seen.TryGetValue(parsed.Value, out var first))
        {
            Problem(line, "documentSymbol", $"{parsed.Value} appears twice in the file (first at {first}).");
        }
        else
        {
            symbol = parsed;
            seen[parsed.Value] = line;
        }

        NotificationDomain? domain = One("area")?.ToUpperInvariant() switch
        {
            null => symbol?.Domain,
            "SPS" => NotificationDomain.Sps,
            "TBT" => NotificationDomain.Tbt,
            _ => null,
        };
        if (domain is null)
        {
            Problem(line, "area", $"Must be SPS or TBT, not \"{One("area")}\".");
        }
        else if (symbol is not null && domain != symbol.Domain)
        {
            Problem(line, "area", $"{One("area")} does not agree with the symbol {symbol.Value}.");
        }

        var typeText = One("notificationType");
        var type = typeText is null ? symbol?.FollowUp ?? NotificationType.Regular : ParseType(typeText);
        if (type is null)
        {
            Problem(line, "notificationType", $"\"{typeText}\" is not a notification type: Regular, Emergency, Addendum, Corrigendum, Revision or Supplement.");
        }

        var memberText = One("notifyingMember");
        var iso3 = memberText is null ? null : member(memberText);
        if (memberText is null)
        {
            Problem(line, "notifyingMember", "Required: the notifying member's ISO3 code or name.");
        }
        else if (iso3 is null)
        {
            Problem(line, "notifyingMember", $"\"{memberText}\" is not a known economy (use its ISO3 code, or EUN for the European Union).");
        }

        var distributed = Date(line, fields, "distributionDate", required: true);
        var deadline = Date(line, fields, "commentDeadlineDate", required: false);
        var entry = Date(line, fields, "proposedEntryIntoForceDate", required: false);
        if (distributed is { } d && deadline is { } c && c < d)
        {
            Problem(line, "commentDeadlineDate", $"The comment deadline {c:yyyy-MM-dd} is before the distribution date {d:yyyy-MM-dd}.");
        }

        var title = One("title");
        if (title is null)
        {
            Problem(line, "title", "Required.");
        }

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in Many("hsCodes").SelectMany(c => c.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
            // Some members notify national lines: the first six digits are the HS subheading.
            var code = digits.Length > 6 ? digits[..6] : digits;
            if (raw.Any(ch => !char.IsAsciiDigit(ch) && ch != '.') || code.Length is not (2 or 4 or 6))
            {
                Problem(line, "hsCodes", $"\"{raw}\" is not an HS code (2, 4 or 6 digits, dots allowed).");
            }
            else if (!hsCodes.Contains(code))
            {
                Problem(line, "hsCodes", $"{raw} is not an HS 2022 or HS 2017 code.");
            }
            else
            {
                codes.Add(code);
            }
        }
        var ics = Many("icsCodes").SelectMany(c => c.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in ics.Where(c => !IcsPattern().IsMatch(c)))
        {
            Problem(line, "icsCodes", $"\"{code}\" is not an ICS code (e.g. 67.080 or 67.080.10).");
        }

        var links = Many("notifiedDocumentLink");
        foreach (var link in links.Where(l => !Uri.TryCreate(l, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https")))
        {
            Problem(line, "notifiedDocumentLink", $"\"{link}\" is not an http or https address.");
        }

        var language = One("language")?.ToLowerInvariant() ?? "en";
        if (!Languages.Supported.Contains(language))
        {
            Problem(line, "language", $"\"{language}\" is not one of en, fr, es.");
        }
        var open = One("isOpenForComments");
        if (open is not null && !bool.TryParse(open, out _))
        {
            Problem(line, "isOpenForComments", "Must be true or false.");
        }
        if (problems.Count > before)
        {
            return;
        }

        var notification = new Notification
        {
            DocumentSymbol = symbol!.Value,
            ParentSymbol = symbol.Parent,
            Domain = domain!.Value,
            Type = type!.Value,
            MemberIso3 = iso3!,
            DistributionDate = distributed!.Value,
            Title = title!,
            Description = One("description"),
            ProductsText = One("productsFreeText"),
            HsCodes = string.Join(' ', codes),
            IcsCodes = string.Join(' ', ics),
            Objectives = Many("objectives") is { Count: > 0 } objectives ? string.Join("; ", objectives) : null,
            Keywords = Many("keywords") is { Count: > 0 } keywords ? string.Join("; ", keywords) : null,
            CommentDeadline = deadline,
            EntryIntoForce = entry,
            DocumentLinks = string.Join('\n', links),
            Language = language,
        };
        notifications.Add(notification);
    }

    DateOnly? Date(int line, Dictionary<string, List<string>> fields, string name, bool required)
    {
        var text = fields.TryGetValue(name, out var v) ? v.FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Problem(line, name, "Required: a date as YYYY-MM-DD.");
            }
            return null;
        }
        // ePing writes dates as ISO date-times ("2026-11-20T00:00:00"); the day is what counts.
        var day = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Problem(line, name, $"\"{text}\" is not a date as YYYY-MM-DD.");
        return null;
    }

    public static NotificationType? ParseType(string text) =>
        TextNormalizer.Fold(text).Replace("notification", "", StringComparison.Ordinal).Trim() switch
        {
            "regular" or "normal" or "" => NotificationType.Regular,
            "emergency" => NotificationType.Emergency,
            "addendum" or "addenda" => NotificationType.Addendum,
            "corrigendum" or "corrigenda" => NotificationType.Corrigendum,
            "revision" => NotificationType.Revision,
            "supplement" => NotificationType.Supplement,
            _ => null,
        };

    // Folded text of a notification that keyword search and alerts match against.
    public static string SearchTextOf(Notification n) =>
        TextNormalizer.Fold(string.Join(' ', n.Title, n.Description, n.ProductsText, n.Objectives, n.Keywords));

    [GeneratedRegex(@"^\d{2}(\.\d{3}(\.\d{2})?)?$")]
    private static partial Regex IcsPattern();
}
