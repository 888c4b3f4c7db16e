using Microsoft.AspNetCore.Http.HttpResults;

namespace Trade4Msmes.Web.Features;

// Expected failures of the API, answered as application/problem+json with a sentence a developer can act on.
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
