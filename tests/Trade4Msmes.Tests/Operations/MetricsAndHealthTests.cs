using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Tests.Operations;

public partial class MetricsAndHealthTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadinessReportsTheDatabaseTheSchemaAndTheFinderIndex()
    {
        var response = await app.CreateClient().GetAsync("/health/ready", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        json.RootElement.GetProperty("checks").EnumerateObject().Select(c => (c.Name, c.Value.GetProperty("status").GetString()))
            .ShouldBe([("database", "Healthy"), ("migrations", "Healthy"), ("hs-finder", "Healthy")], ignoreOrder: true);
        (await app.CreateClient().GetStringAsync("/health", Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task MetricsCountRequestsAndImportsInThePrometheusFormatForTheOperatorOnly()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new AppFactory(database, loadReferenceData: false) { Settings = new() { ["Metrics:Token"] = "scrape-secret" } };
        var client = factory.CreateClient();
        (await client.GetAsync("/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not from this machine, no token");
        await client.GetAsync("/health", Ct);
        await client.GetAsync("/health", Ct);
        await client.GetAsync("/api/v1/notifications?hs=12x", Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<NotificationStore>().ImportAsync("not json"u8.ToArray(), json: true, Actor.System, "test", Ct);
            report.Accepted.ShouldBeFalse();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret");
        var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldStartWith("text/plain; version=0.0.4");
        var text = await response.Content.ReadAsStringAsync(Ct);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')))
        {
            SampleLine().IsMatch(line).ShouldBeTrue(line);
        }
        Value(text, "http_server_request_duration_seconds_count", "http_route=\"/health\"", "http_response_status_code=\"200\"").ShouldBe(2);
        Value(text, "http_server_request_duration_seconds_bucket", "http_route=\"/health\"", "le=\"+Inf\"").ShouldBe(2);
        Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/v1/notifications/\"", "http_response_status_code=\"400\"").ShouldBe(1);
        Value(text, "trade4msmes_imports_total", "kind=\"notifications\"", "outcome=\"rejected\"").ShouldBe(1);
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("# TYPE trade4msmes_imports_total counter");
    }

    // The value of the one sample of a metric whose labels include all the given ones.
    static double Value(string text, string metric, params string[] labels)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*\})? (-?[0-9.eE+-]+|\+Inf|NaN)$")]
    private static partial Regex SampleLine();
}
