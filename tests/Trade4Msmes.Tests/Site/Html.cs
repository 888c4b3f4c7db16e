using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Trade4Msmes.Tests.Site;

public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"GET {url}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        return new HtmlParser().ParseDocument(body);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"GET {url}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"GET {url}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        return problem;
    }
}
