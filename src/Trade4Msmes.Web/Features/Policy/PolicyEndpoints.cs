using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Agreements;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Features.Policy;

// The query string of a policy search, shared by the API and the search page. Problems are English templates
// the page translates.
public sealed record PolicySearchInput(
    string? Q, string? Database, string? Economy, string? Region, string? Category, string? Agreement, string? Year, string? Language)
{
    public const int MaxQueryLength = 200;

    public async Task<(PolicyFilter? Filter, InputError? Problem)> ParseAsync(AppDbContext db, CancellationToken ct)
    {
        if (Q?.Length > MaxQueryLength)
        {
            return (null, new InputError("The search text may be at most {0} characters.", MaxQueryLength));
        }
        PolicyDatabaseInfo? database = null;
        if (!string.IsNullOrWhiteSpace(Database) && (database = PolicyCatalog.Find(Database.Trim())) is null)
        {
            return (null, new InputError("There is no policy database \"{0}\"; use one of {1}.", Database, string.Join(", ", PolicyCatalog.All.Select(d => d.Key))));
        }
        string? economy = null;
        if (!string.IsNullOrWhiteSpace(Economy))
        {
            if (!EconomyCode.TryNormalize(Economy.Trim(), out var iso3) || !await db.Economies.AnyAsync(e => e.Iso3 == iso3, ct))
            {
                return (null, new InputError("There is no economy with code {0}.", Economy));
            }
            economy = iso3;
        }
        int? region = null;
        if (!string.IsNullOrWhiteSpace(Region))
        {
            if (!int.TryParse(Region, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
            {
                return (null, new InputError("There is no region with code {0}.", Region));
            }
            region = code;
        }
        string? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            if (database is null)
            {
                return (null, new InputError("Choose a database before a category: categories differ from one database to another."));
            }
            if (database.Category(Category.Trim()) is null)
            {
                return (null, new InputError("\"{0}\" is not a category of this database; use one of {1}.", Category, string.Join(", ", database.Categories.Select(c => c.Key))));
            }
            category = Category.Trim();
        }
        int? agreement = null;
        if (!string.IsNullOrWhiteSpace(Agreement))
        {
            if (!int.TryParse(Agreement, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !await db.TradeAgreements.AnyAsync(a => a.RtaId == id, ct))
            {
                return (null, new InputError("There is no agreement with RTA ID {0}.", Agreement));
            }
            agreement = id;
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1947 or > 2100)
            {
                return (null, new InputError("\"{0}\" is not a year.", Year));
            }
            year = y;
        }
        string? language = null;
        if (!string.IsNullOrWhiteSpace(Language))
        {
            if (!Languages.IsSupported(Language.Trim()))
            {
                return (null, new InputError("Records are in English (en), French (fr) or Spanish (es), not \"{0}\".", Language));
            }
            language = Language.Trim();
        }
        return (new PolicyFilter(Q?.Trim(), database?.Database, economy, region, category, agreement, year, language), null);
    }

    // The same search as a query string, for links to its other pages and its exports.
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["q"] = Q,
        ["database"] = Database,
        ["economy"] = Economy,
        ["region"] = Region,
        ["category"] = Category,
        ["agreement"] = Agreement,
        ["year"] = Year,
        ["language"] = Language,
    };
}

public static class PackageTrackerInput
{
    public static async Task<(int? Region, InputError? Problem)> RegionAsync(AppDbContext db, string? region, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return (null, null);
        }
        return int.TryParse(region, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && await db.Regions.AnyAsync(r => r.Code == code, ct)
            ? (code, null)
            : (null, new InputError("There is no region with code {0}.", region));
    }

    // One row per action, with the byte-order mark spreadsheet programs need to read accents right.
    public static byte[] Csv(PackageTrackerDto tracker)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in new[] { "annex", "economy", "economy_name", "msme_group_member", "action", "date", "year", "source", "source_location", "url" })
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var annex in tracker.Annexes)
            {
                foreach (var economy in annex.Economies)
                {
                    foreach (var action in economy.Actions)
                    {
                        foreach (var field in new object?[] { annex.Annex, economy.Economy, economy.Name, economy.MsmeGroupMember ? "yes" : "no", action.Title,
                            action.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), action.Year, action.Source, action.SourceLocation, action.Url })
                        {
                            csv.WriteField(field);
                        }
                        csv.NextRecord();
                    }
                }
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}

public sealed record PolicyRecordDto(
    string Key, string Database, string DatabaseName, string? Economy, string? EconomyName, int? Agreement, string? AgreementName,
    string? Category, string CategoryLabel, string Title, string Text, string Language, int? Year, DateOnly? Date,
    string SourceSymbol, string? SourceLocation, string? SourceUrl, IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<PolicyPartyDto> Parties, string Url);

// An economy an RTA provision binds.
public sealed record PolicyPartyDto(string Economy, string Name);

public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policy").WithTags("Policy databases").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/search", Search).WithSummary(
            "Full-text search of the policy databases (database: tpr, rta, finance, aeo, covid), with facets: economy (ISO3), region "
            + "(UN M49 code), category (checklist item or provision type, with database), agreement (RTA ID), year, language (of the "
            + "record). Results best first, each with a snippet in which matched words are in <mark>. format=csv or format=json: every "
            + "matching record in full, as a file.")
            .Produces<PolicySearchResult>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/records/{key}", Show).WithSummary("One policy record by its key").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/package-tracker", Tracker).WithTags("Policy databases").CacheOutput(PublishedDataCache.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The December 2020 package (INF/MSME/4/Rev.2) annex by annex: the economies with their actions, dates and "
                + "sources, read from the policy databases; and each MSME Group member's Global Trade Helpdesk questionnaire cycle. "
                + "Filters: region (UN M49 code), msmeGroup=true. format=csv: one row per action.")
            .Produces<PackageTrackerDto>().Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    static async Task<IResult> Tracker(
        AppDbContext db, PackageTracker tracker, TimeProvider clock, CancellationToken ct,
        string? region = null, bool msmeGroup = false, string? format = null, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (format is not (null or "csv"))
        {
            return ApiProblems.BadRequest("Invalid format", $"format must be csv, not \"{format}\".");
        }
        var (code, problem) = await PackageTrackerInput.RegionAsync(db, region, ct);
        if (problem is not null)
        {
            return ApiProblems.BadRequest("Invalid region", problem.Format());
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var result = await tracker.BuildAsync(code, msmeGroup, today, lang, ct);
        return format is null
            ? TypedResults.Ok(result)
            : TypedResults.File(PackageTrackerInput.Csv(result), "text/csv; charset=utf-8", $"trade4msmes-package-tracker-{today:yyyyMMdd}.csv");
    }

    static async Task<IResult> Search(
        HttpContext http, AppDbContext db, PolicySearch search, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct,
        string? q = null, string? database = null, string? economy = null, string? region = null, string? category = null,
        string? agreement = null, string? year = null, string? language = null, int offset = 0, int limit = 20,
        string? format = null, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        if (offset < 0 || limit is < 1 or > PolicySearch.MaxLimit)
        {
            return ApiProblems.BadRequest("Invalid page", $"offset must be 0 or more and limit between 1 and {PolicySearch.MaxLimit}.");
        }
        if (format is not (null or "csv" or "json"))
        {
            return ApiProblems.BadRequest("Invalid format", $"format must be csv or json, not \"{format}\".");
        }
        var (filter, problem) = await new PolicySearchInput(q, database, economy, region, category, agreement, year, language).ParseAsync(db, ct);
        if (filter is null)
        {
            return ApiProblems.BadRequest("Invalid search", problem!.Format());
        }
        if (format is null)
        {
            var result = await search.SearchAsync(filter, offset, limit, lang, ct);
            // The labels are English keys (the page translates them as it shows them); the API answers in lang.
            return TypedResults.Ok(Languages.In(lang, () => result with
            {
                Results = [.. result.Results.Select(h => h with { CategoryLabel = l[h.CategoryLabel] })],
                Facets = result.Facets with
                {
                    Databases = [.. result.Facets.Databases.Select(f => f with { Label = l[f.Label] })],
                    Categories = [.. result.Facets.Categories.Select(f => f with { Label = l[f.Label] })],
                },
            }));
        }
        var records = await search.AllAsync(filter, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (format == "json")
        {
            var dtos = await DtosAsync(search, records, l, lang, baseUrl, ct);
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(dtos, JsonSerializerOptions.Web), "application/json", $"trade4msmes-policy-{stamp}.json");
        }
        var economyNames = await search.EconomyNamesAsync(records.Select(r => r.EconomyIso3).OfType<string>(), lang, ct);
        var agreementNames = await search.AgreementNamesAsync(records.Select(r => r.RtaId).OfType<int>(), ct);
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        Languages.In(lang, () =>
        {
            PolicyRecordFile.Write(csv, records, economyNames, agreementNames, text => l[text].Value, lang, baseUrl);
            return csv;
        });
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"trade4msmes-policy-{stamp}.csv");
    }

    static async Task<Results<Ok<PolicyRecordDto>, ProblemHttpResult>> Show(
        string key, HttpContext http, AppDbContext db, PolicySearch search, IStringLocalizer<SharedResource> l, CancellationToken ct,
        string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        var record = await db.PolicyRecords.FirstOrDefaultAsync(r => r.Key == key, ct);
        return record is null
            ? ApiProblems.NotFound($"No policy record \"{key}\" is published.")
            : TypedResults.Ok((await DtosAsync(search, [record], l, lang, $"{http.Request.Scheme}://{http.Request.Host}", ct))[0]);
    }

    public static async Task<IReadOnlyList<PolicyRecordDto>> DtosAsync(
        PolicySearch search, IReadOnlyList<PolicyRecord> records, IStringLocalizer l, string lang, string baseUrl, CancellationToken ct)
    {
        var economyNames = await search.EconomyNamesAsync(records.SelectMany(PolicyNames.Economies), lang, ct);
        var agreementNames = await search.AgreementNamesAsync(records.Select(r => r.RtaId).OfType<int>(), ct);
        IReadOnlyList<PolicyPartyDto> Parties(PolicyRecord r) =>
            [.. PolicyRecordFile.Parties(PolicyRecordFile.Details(r.Details)).Select(p => new PolicyPartyDto(p, economyNames.GetValueOrDefault(p, p)))];
        return Languages.In(lang, () => records.Select(r => new PolicyRecordDto(
            r.Key, PolicyCatalog.Of(r.Database).Key, l[PolicyCatalog.Of(r.Database).Name], r.EconomyIso3,
            r.EconomyIso3 is { } e ? economyNames.GetValueOrDefault(e) : null, r.RtaId, r.RtaId is { } a ? agreementNames.GetValueOrDefault(a) : null,
            r.Category, l[PolicyCatalog.CategoryLabel(r.Database, r.Category)], r.Title, r.Text, r.Language, r.Year, r.Date,
            r.SourceSymbol, r.SourceLocation, r.SourceUrl, PolicyRecordFile.Details(r.Details), Parties(r), baseUrl + PolicySearch.Url(r.Key, lang))).ToList());
    }
}
