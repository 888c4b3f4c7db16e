using Microsoft.Extensions.Localization;

namespace Trade4Msmes.Web.Features.Lei;

public sealed record LeiCheckDto(string Code, bool Valid, string? Problem);

public static class LeiEndpoints
{
    public static IEndpointRouteBuilder MapLei(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lei/{code}", Check).WithTags("Tools")
            .WithSummary("Checks that a Legal Entity Identifier is well formed under ISO 17442: 20 digits or capital letters whose last two "
                + "are ISO 7064 MOD 97-10 check digits. A valid code may still not be issued: GLEIF's register is the authority. "
                + "problem: why the code is not valid, in lang.")
            .Produces<LeiCheckDto>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    static IResult Check(string code, IStringLocalizer<SharedResource> l, string lang = Languages.Default)
    {
        if (!Languages.IsSupported(lang))
        {
            return ApiProblems.BadRequest("Unsupported language", $"lang must be one of {string.Join(", ", Languages.Supported)}.");
        }
        var check = LegalEntityIdentifier.Check(code);
        var problem = check.Problem is null ? null : Languages.In(lang, () => l[check.Problem].Value);
        return TypedResults.Ok(new LeiCheckDto(check.Code, check.Valid, problem));
    }
}
