using System.Net.Http.Headers;

namespace Trade4Msmes.EndToEnd.Infrastructure;

// The page budget of DESIGN.md: HTML + CSS + JS of one page at most 60 KB as transferred with br/gzip, and
// nothing fetched from another host. Each resource is fetched again, uncached, so every page pays in full.
public static class PageWeight
{
    public const int BudgetBytes = 60 * 1024;

    static readonly HashSet<string> CountedTypes = ["document", "stylesheet", "script"];

    public static async Task<IReadOnlyList<string>> ProblemsAsync(Uri site, HttpClient raw, IReadOnlyCollection<IRequest> requests)
    {
        var problems = new List<string>();
        foreach (var request in requests)
        {
            if (IsThirdParty(site, request.Url))
            {
                problems.Add($"third-party request ({request.ResourceType}): {request.Url}");
            }
        }
        var counted = requests
            .Where(r => CountedTypes.Contains(r.ResourceType) && !IsThirdParty(site, r.Url) && r.Url.StartsWith("http", StringComparison.Ordinal))
            .Select(r => (r.ResourceType, r.Url))
            .Distinct()
            .ToList();
        var sizes = new List<(string Type, string Url, long Bytes, string Encoding)>();
        foreach (var (type, url) in counted)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await raw.SendAsync(message, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            sizes.Add((type, url, body.LongLength, string.Join(",", response.Content.Headers.ContentEncoding) is { Length: > 0 } e ? e : "identity"));
        }
        var total = sizes.Sum(s => s.Bytes);
        TestContext.Current.SendDiagnosticMessage($"page weight {total:N0} bytes: {string.Join(", ", sizes.Select(s => $"{s.Url} {s.Bytes:N0} {s.Encoding}"))}");
        if (total > BudgetBytes)
        {
            problems.Add($"page weight {total:N0} bytes is over the {BudgetBytes:N0}-byte budget (HTML + CSS + JS, br/gzip):\n      "
                + string.Join("\n      ", sizes.Select(s => $"{s.Bytes,9:N0}  {s.Encoding,-8} {s.Type,-10} {s.Url}")));
        }
        return problems;
    }

    static bool IsThirdParty(Uri site, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is not ("data" or "blob" or "about")
        && (uri.Host != site.Host || uri.Port != site.Port);
}
