using Microsoft.Extensions.Localization;
using Trade4Msmes.Web.Search;

namespace Trade4Msmes.Web.Features.ProductFinder;

public record PathStepDto(string Level, string Code, string Description);

public record FinderResultDto(string Code, string Description, double Score, IReadOnlyList<PathStepDto> Path,
    IReadOnlyList<string> MatchedWords, string? SimilarProduct);

public record ClarificationOptionDto(string Code, string Label, string Query);

public record ClarificationDto(string Reason, string Question, IReadOnlyList<ClarificationOptionDto> Options);

public record FinderAnswerDto(string Query, IReadOnlyList<FinderResultDto> Results, ClarificationDto? Clarification, IReadOnlyList<string> UnknownWords);

// Checks a finder query and asks the index; shared by the page and the API.
public class FinderQuery(HsFinder finder, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxLength = 200;
    public const int MaxLimit = 25;

    public static string? Problem(string? q, int limit) =>
        string.IsNullOrWhiteSpace(q) ? "Describe the product in a few words, for example “roasted coffee beans”."
        : q.Length > MaxLength ? $"A description has at most {MaxLength} characters."
        : limit is < 1 or > MaxLimit ? $"limit must be between 1 and {MaxLimit}."
        : null;

    public async Task<FinderAnswerDto> AskAsync(string q, string lang, int limit, CancellationToken ct)
    {
        var index = await finder.IndexAsync(ct);
        var answer = index.Search(q, lang, limit);
        return new FinderAnswerDto(
            q,
            answer.Results.Select(r => new FinderResultDto(r.Code, r.Description, r.Confidence,
                r.Path.Select(p => new PathStepDto(p.Level, p.Code, p.Description)).ToList(), r.MatchedWords, r.SimilarProduct)).ToList(),
            answer.Clarification is { } c ? new ClarificationDto(c.Reason, Question(c.Reason),
                c.Options.Select(o => new ClarificationOptionDto(o.Code, o.Label, o.Query)).ToList()) : null,
            answer.UnknownWords);
    }

    string Question(string reason) => reason switch
    {
        "vague" => localizer["This description is too vague to find a code. Say what the product is, what it is made of and what it is for."],
        "no-match" => localizer["No subheading matches these words. Try other words, or browse the Harmonized System."],
        _ => localizer["Your description fits several subheadings. Which one is closest to your product?"],
    };
}
