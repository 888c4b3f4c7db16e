using Trade4Msmes.Web.Features.ProductFinder;

namespace Trade4Msmes.Web.Features.MarketAccess;

// Turns checked input into an answer: a product given in words goes through the HS finder first, and is used
// only when the finder is confident; otherwise the answer lists the candidates for the user to choose from.
public class MarketAccessService(MarketAccessQuery query, FinderQuery finder)
{
    public async Task<MarketAccessDto?> AnswerAsync(ParsedMarketAccessInput input, string lang, CancellationToken ct)
    {
        if (input.Words is not { } words)
        {
            return await query.AnswerAsync(input.For(input.Hs6!), lang, ct);
        }
        var found = await finder.AskAsync(words, lang, 5, ct);
        var candidates = found.Results.Select(r => new ProductCandidateDto(r.Code, r.Description, r.Score)).ToList();
        var chosen = found.Clarification is null && found.Results.Count > 0 ? found.Results[0].Code : null;
        var answer = await query.AnswerAsync(input.For(chosen), lang, ct);
        return answer is null ? null : answer with { ProductQuery = words, ProductCandidates = candidates };
    }
}
