using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Web.Features.Tariffs;

public static class TariffEndpoints
{
    // A national schedule of ~35,000 lines is a few MB; anything far larger is a mistake, refused before it is read whole.
    public const int MaxTransmissionBytes = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapTariffs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/economies/{iso3}").WithTags("Tariff schedules")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/tariff-schedules", Versions).WithSummary("Every version of an economy's applied tariff schedule, newest first");
        group.MapGet("/tariff-schedules/diff", Diff)
            .WithSummary("Lines added and removed and rates changed between two versions (from, to) of a schedule");
        group.MapPost("/tariff-transmissions", Transmit)
            .WithSummary("Transmit a schedule (trade4msmes-tariff/1, CSV or JSON; the economy's API token as Authorization: Bearer). "
                + "Checked line by line: with any problem nothing is stored; accepted, it becomes the economy's next dated version")
            .Accepts<string>("text/csv", "application/json")
            .Produces<TransmissionReportDto>(StatusCodes.Status201Created)
            .Produces<TransmissionReportDto>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    static async Task<Results<Ok<EconomySchedulesDto>, ProblemHttpResult>> Versions(
        string iso3, TariffScheduleQueries queries, CancellationToken ct, string lang = Languages.Default)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code))
        {
            return InvalidEconomy(iso3);
        }
        return await queries.VersionsAsync(code, Languages.IsSupported(lang) ? lang : Languages.Default, ct) is { } versions
            ? TypedResults.Ok(versions)
            : ApiProblems.NotFound($"There is no economy with code {code}.");
    }

    static async Task<Results<Ok<ScheduleDiffDto>, ProblemHttpResult>> Diff(
        string iso3, TariffScheduleQueries queries, CancellationToken ct, int? from = null, int? to = null)
    {
        if (!EconomyCode.TryNormalize(iso3, out var code))
        {
            return InvalidEconomy(iso3);
        }
        if (from is null || to is null || from == to)
        {
            return ApiProblems.BadRequest("Invalid versions", "Give two different version numbers: ?from=1&to=2.");
        }
        return await queries.DiffAsync(code, from.Value, to.Value, ct) is { } diff
            ? TypedResults.Ok(diff)
            : ApiProblems.NotFound($"{code} has no schedule version {from} or {to}.");
    }

    static async Task<IResult> Transmit(
        string iso3, HttpRequest request, ApiTokens tokens, TariffTransmissions transmissions, AppDbContext db, CancellationToken ct,
        string? validFrom = null, string? title = null, string? currency = null, int? hsEdition = null, string? source = null)
    {
        if (!EconomyCode.TryNormalize(iso3, out var economy))
        {
            return InvalidEconomy(iso3);
        }
        var (check, token) = await tokens.AuthenticateAsync(request, economy, ct);
        switch (check)
        {
            case TokenCheck.Missing:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated",
                    detail: "Send an API token of your economy in the Authorization header: Bearer t4m_…. An official creates one on the account's Tokens page.");
            case TokenCheck.Invalid:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated",
                    detail: "This token is unknown or was revoked.");
            case TokenCheck.OtherEconomy:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: $"This token transmits for {token!.EconomyIso3}; it may not transmit a schedule for {economy}.");
        }
        if (!await db.Economies.AnyAsync(e => e.Iso3 == economy, ct))
        {
            return ApiProblems.NotFound($"There is no economy with code {economy}.");
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        TariffTransmissions.Format? format = mediaType switch
        {
            "text/csv" => TariffTransmissions.Format.Csv,
            "application/json" => TariffTransmissions.Format.Json,
            _ => null,
        };
        if (format is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported format",
                detail: "Send Content-Type text/csv or application/json (format trade4msmes-tariff/1).");
        }
        // The server refuses bodies over 1 MB by default; a schedule may be larger.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxTransmissionBytes + 1;
        }
        if (request.ContentLength > MaxTransmissionBytes || await ReadBoundedAsync(request.Body, ct) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Transmission too large",
                detail: $"A transmission is at most {MaxTransmissionBytes / 1024 / 1024} MB. Split imports by year, or compress nothing: send plain UTF-8.");
        }
        var report = await transmissions.ReceiveAsync(economy, format.Value, body,
            new TransmissionHeader(validFrom, title, currency, hsEdition, source), $"{economy} API token {token!.Id}", Actor.For(token), ct);
        return report.Version is { } version
            ? TypedResults.Created($"/api/v1/economies/{economy}/tariff-schedules?version={version}", report)
            : TypedResults.UnprocessableEntity(report);
    }

    static ProblemHttpResult InvalidEconomy(string iso3) =>
        ApiProblems.BadRequest("Invalid economy code", $"“{iso3}” is not an economy code: use three letters, such as USA.");

    // Null when the body is longer than allowed (a client may omit Content-Length).
    static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxTransmissionBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
