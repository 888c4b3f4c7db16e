using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.PolicyDatabases;

// Searches of the shipped entries and of fictional ones this class adds (keys "test-…", source "FICTIONAL TEST
// FIXTURE"), on whichever database engine the run uses. The fictional ones are for economies no shipped entry
// names, so the shipped figures stay as they are.
public sealed class PolicySearchTests(AppFixture app) : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Fixture = "FICTIONAL TEST FIXTURE";

    static readonly PolicyRecord[] Fictional =
    [
        new() { Key = "test-sen-finance", Database = PolicyDatabase.Finance, EconomyIso3 = "SEN", Category = "guarantee", Language = "fr", Year = 2023,
            Title = "Fonds de garantie pour les entreprises dirigées par des femmes",
            Text = "Le fonds garantit les financements bancaires accordés aux petites entreprises dirigées par des femmes qui exportent." },
        new() { Key = "test-per-covid", Database = PolicyDatabase.Covid, EconomyIso3 = "PER", Category = "finance", Language = "es", Year = 2020,
            Title = "Créditos para pequeñas empresas exportadoras",
            Text = "El programa ofreció créditos con garantía del Estado a las pequeñas y medianas empresas exportadoras durante la pandemia." },
        new() { Key = "test-nzl-aeo", Database = PolicyDatabase.Aeo, EconomyIso3 = "NZL", Category = "reduced-fees", Language = "en", Year = 2022,
            Title = "No application fee for small traders",
            Text = "Small exporters applying to the programme pay no fee, and guarantees of <script>alert(1)</script> are not required." },
    ];

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.PolicyRecords.AnyAsync(r => r.Key == Fictional[0].Key, Ct))
        {
            return;
        }
        var records = Fictional.Select(r => new PolicyRecord
        {
            Key = r.Key,
            Database = r.Database,
            EconomyIso3 = r.EconomyIso3,
            Category = r.Category,
            Language = r.Language,
            Year = r.Year,
            Title = r.Title,
            Text = r.Text,
            SourceSymbol = Fixture,
            RecordedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await PolicyNames.IndexAsync(db, records, Ct);
        db.PolicyRecords.AddRange(records);
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    async Task<List<string>> KeysAsync(string query)
    {
        var json = await app.CreateClient().GetJsonAsync($"/api/v1/policy/search?{query}&limit=100");
        return json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToList();
    }

    [Fact]
    public async Task TheShippedTprEntriesAreTheEconomiesTheAnnualReportNames()
    {
        var json = await app.CreateClient().GetJsonAsync("/api/v1/policy/search?database=tpr&limit=100");

        var results = json.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("economy").GetString()).Order().ShouldBe(["CAN", "CHN", "JAM", "KAZ", "MDV", "PRY", "TWN"]);
        results.ShouldAllBe(r => r.GetProperty("sourceSymbol").GetString()!.Contains("2024 Annual Report"));
        var taipei = results.Single(r => r.GetProperty("economy").GetString() == "TWN");
        taipei.GetProperty("url").GetString().ShouldBe("/en/policy/records/tpr-twn-5");
        taipei.GetProperty("categoryLabel").GetString().ShouldBe("Not specified in the source");
        var french = await app.CreateClient().GetJsonAsync("/api/v1/policy/search?database=tpr&economy=TWN&lang=fr");
        french.GetProperty("results")[0].GetProperty("categoryLabel").GetString().ShouldBe("Non précisé par la source");
    }

    [Theory]
    [InlineData("q=financements+bancaires", "test-sen-finance")]
    [InlineData("q=entreprise+dirigee+femme", "test-sen-finance")]
    [InlineData("q=ENTREPRISES+DIRIGÉES", "test-sen-finance")]
    [InlineData("q=pequena+empresa+exportadora", "test-per-covid")]
    [InlineData("q=crédito+pequeñas", "test-per-covid")]
    [InlineData("q=exporter+fees", "test-nzl-aeo")]
    [InlineData("q=applications+fee", "test-nzl-aeo")]
    public async Task AccentsCaseAndWordEndingsDoNotMatter(string query, string expected) =>
        (await KeysAsync(query)).ShouldBe([expected]);

    [Fact]
    public async Task EveryWordMustMatch()
    {
        (await KeysAsync("q=fonds+garantie")).ShouldBe(["test-sen-finance"]);
        // "garantie" and "garantía" share a stem: a French word finds the Spanish entry too.
        (await KeysAsync("q=garantie")).Order().ShouldBe(["test-per-covid", "test-sen-finance"]);
        (await KeysAsync("q=guarantees")).ShouldBe(["test-nzl-aeo"]);
        (await KeysAsync("q=guarantees+pandemic")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEconomyIsFoundByItsNameInAnyLanguage()
    {
        (await KeysAsync("q=Pérou")).ShouldBe(["test-per-covid"]);
        (await KeysAsync("q=Nueva+Zelandia")).ShouldBe(["test-nzl-aeo"]);
    }

    [Fact]
    public async Task EachFacetNarrowsTheResults()
    {
        (await KeysAsync("database=finance")).ShouldContain("test-sen-finance");
        (await KeysAsync("database=finance")).ShouldNotContain("test-per-covid");
        (await KeysAsync("economy=per")).ShouldBe(["test-per-covid"]);
        (await KeysAsync("database=aeo&category=reduced-fees")).ShouldBe(["test-nzl-aeo"]);
        (await KeysAsync("database=aeo&category=guidance")).ShouldBeEmpty();
        (await KeysAsync("year=2023&economy=SEN")).ShouldBe(["test-sen-finance"]);
        (await KeysAsync("language=es")).ShouldContain("test-per-covid");
        (await KeysAsync("language=es")).ShouldNotContain("test-sen-finance");
        // Oceania (M49 009) holds New Zealand, which only the fictional AEO entry names.
        (await KeysAsync("region=9")).ShouldBe(["test-nzl-aeo"]);
        // Canada is a party to the agreement of the shipped RTA provision.
        (await KeysAsync("economy=CAN")).Order().ShouldBe(["package-can-idb", "rta-110-trade-gender", "tpr-can-12"]);
        (await KeysAsync("database=rta&agreement=135")).ShouldBe(["rta-135-chl-ury"]);
    }

    [Fact]
    public async Task AnEconomyPageLinksItsEntriesInEachDatabase()
    {
        var page = await app.CreateClient().GetDocumentAsync("/fr/economies/CAN");
        page.QuerySelectorAll("main a[href^='/fr/policy?economy=CAN']").Select(a => (a.GetAttribute("href"), a.ParentElement!.TextContent.Trim()))
            .ShouldBe([
                ("/fr/policy?economy=CAN&database=tpr", "Informations sur les MPME dans les examens des politiques commerciales (1)"),
                ("/fr/policy?economy=CAN&database=rta", "Dispositions relatives aux MPME dans les accords commerciaux régionaux (1)"),
                ("/fr/policy?economy=CAN&database=package", "Actions au titre du train de mesures de décembre 2020 (1)"),
            ]);
        var none = await app.CreateClient().GetDocumentAsync("/en/economies/ISL");
        none.QuerySelector("main")!.TextContent.ShouldContain("The policy databases hold no entry for this economy yet.");
    }

    [Fact]
    public async Task AnRtaProvisionIsFoundUnderEachOfItsParties()
    {
        (await KeysAsync("database=rta&economy=CHL")).Order().ShouldBe(["rta-110-trade-gender", "rta-135-chl-ury"]);
        // Uruguay is a party to the Chile–Uruguay protocol, not to the Canada–Chile agreement; Argentina, though a
        // member of the LAIA framework agreement, is not a party to that protocol.
        (await KeysAsync("database=rta&economy=URY")).ShouldBe(["rta-135-chl-ury"]);
        (await KeysAsync("database=rta&economy=ARG")).ShouldBeEmpty();
        // The Americas (M49 019) hold every party; Europe (150) none.
        (await KeysAsync("database=rta&region=19")).Order().ShouldBe(["rta-110-trade-gender", "rta-135-chl-ury"]);
        (await KeysAsync("database=rta&region=150")).ShouldBeEmpty();
        // "Chili" is only in the parties' French names.
        (await KeysAsync("q=Chili&database=rta")).Order().ShouldBe(["rta-110-trade-gender", "rta-135-chl-ury"]);

        var facets = (await app.CreateClient().GetJsonAsync("/api/v1/policy/search?database=rta")).GetProperty("facets");
        facets.GetProperty("economies").EnumerateArray().Select(e => (e.GetProperty("value").GetString(), e.GetProperty("count").GetInt32()))
            .OrderBy(e => e.Item1).ShouldBe([("CAN", 1), ("CHL", 2), ("URY", 1)]);

        var record = await app.CreateClient().GetJsonAsync("/api/v1/policy/records/rta-110-trade-gender?lang=fr");
        record.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Canada", "Chili"]);
        record.GetProperty("agreementName").GetString().ShouldBe("Canada - Chile");
        var page = await app.CreateClient().GetDocumentAsync("/fr/policy/records/rta-135-chl-ury");
        page.QuerySelectorAll("main dd a[href^='/fr/economies/']").Select(a => a.GetAttribute("href")).ShouldBe(["/fr/economies/CHL", "/fr/economies/URY"]);
        page.QuerySelector("main a[href='/fr/agreements/135']").ShouldNotBeNull();
    }

    [Fact]
    public async Task FacetCountsIgnoreTheirOwnChoiceAndKeepTheOthers()
    {
        var json = await app.CreateClient().GetJsonAsync("/api/v1/policy/search?economy=CAN&database=tpr");
        var facets = json.GetProperty("facets");
        json.GetProperty("total").GetInt32().ShouldBe(1);

        // The database facet counts Canada's entries in every database; the economy facet counts TPR entries of every economy.
        Count(facets.GetProperty("databases"), "tpr").ShouldBe(1);
        Count(facets.GetProperty("databases"), "package").ShouldBe(1);
        Count(facets.GetProperty("economies"), "CAN").ShouldBe(1);
        facets.GetProperty("economies").GetArrayLength().ShouldBe(7);
        // The shipped TPR entries do not say which checklist item they concern.
        facets.GetProperty("categories").GetArrayLength().ShouldBe(0);

        static int Count(JsonElement facet, string value) =>
            facet.EnumerateArray().Single(v => v.GetProperty("value").GetString() == value).GetProperty("count").GetInt32();
    }

    [Fact]
    public async Task SnippetsMarkTheMatchedWordsAndEscapeTheRest()
    {
        var json = await app.CreateClient().GetJsonAsync("/api/v1/policy/search?q=fee+script");

        var snippet = json.GetProperty("results")[0].GetProperty("snippet").GetString()!;
        snippet.ShouldContain("<mark>fee</mark>");
        snippet.ShouldContain("&lt;<mark>script</mark>&gt;");
        snippet.ShouldNotContain("<script>");
    }

    [Theory]
    [InlineData("economy=XXX", "There is no economy with code XXX.")]
    [InlineData("economy=12", "There is no economy with code 12.")]
    [InlineData("database=ptr", "There is no policy database \"ptr\"")]
    [InlineData("category=2b", "Choose a database before a category")]
    [InlineData("database=tpr&category=4z", "\"4z\" is not a category of this database")]
    [InlineData("agreement=999999", "There is no agreement with RTA ID 999999.")]
    [InlineData("year=20x4", "\"20x4\" is not a year.")]
    [InlineData("language=de", "Records are in English (en), French (fr) or Spanish (es)")]
    [InlineData("format=xlsx", "format must be csv or json")]
    [InlineData("limit=0", "limit between 1 and 100")]
    public async Task BadSearchesAreRefusedWithTheReason(string query, string reason)
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/policy/search?{query}", HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain(reason);
    }

    [Fact]
    public async Task ATooLongSearchIsRefused()
    {
        var problem = await app.CreateClient().GetProblemAsync($"/api/v1/policy/search?q={new string('a', 201)}", HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 200 characters");
        await app.CreateClient().GetDocumentAsync($"/fr/policy?q={new string('a', 201)}", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheCsvExportReadsBackAsTheSameRecords()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/policy/search?database=tpr&format=csv&lang=fr", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        text.ShouldContain("Non précisé par la source");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var economies = (await db.Economies.Select(e => e.Iso3).ToListAsync(Ct)).ToHashSet();
        var (read, problems) = PolicyRecordFile.Read(new StringReader(text), economies, new HashSet<int>(), DateTime.UtcNow);

        problems.ShouldBeEmpty();
        var stored = await db.PolicyRecords.Where(r => r.Database == PolicyDatabase.Tpr).OrderBy(r => r.Key).ToListAsync(Ct);
        read.OrderBy(r => r.Key).Select(Fields).ShouldBe(stored.Select(Fields));

        static string Fields(PolicyRecord r) => JsonSerializer.Serialize(new
        {
            r.Key,
            r.Database,
            r.EconomyIso3,
            r.RtaId,
            r.Category,
            r.Title,
            r.Text,
            r.Language,
            r.Year,
            r.Date,
            r.SourceSymbol,
            r.SourceLocation,
            r.SourceUrl,
            r.Details,
        });
    }

    [Fact]
    public async Task TheJsonExportHoldsEveryMatchInFull()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/policy/search?q=guarantees&format=json", Ct);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".json");
        var records = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        records.GetArrayLength().ShouldBe(1);
        records[0].GetProperty("text").GetString().ShouldBe(Fictional[2].Text);
        records[0].GetProperty("databaseName").GetString().ShouldBe("MSME provisions in AEO programmes");
    }

    [Fact]
    public async Task TheSearchPageShowsFacetsResultsAndExportsInEachLanguage()
    {
        var client = app.CreateClient();
        var page = await client.GetDocumentAsync("/es/policy?q=pequeñas+empresas");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Bases de datos de políticas");
        page.QuerySelectorAll("ol.results > li h3 a").Select(a => a.GetAttribute("href")).ShouldBe(["/es/policy/records/test-per-covid"]);
        page.QuerySelector("ol.results mark").ShouldNotBeNull();
        page.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).ShouldBe([
            "/api/v1/policy/search?q=peque%C3%B1as%20empresas&format=csv&lang=es",
            "/api/v1/policy/search?q=peque%C3%B1as%20empresas&format=json&lang=es"]);

        var french = await client.GetDocumentAsync("/fr/policy?database=tpr");
        french.QuerySelector("select[name=category]").ShouldNotBeNull();
        french.QuerySelector("#results")!.TextContent.ShouldContain("7");

        // The browser tests, on shipped data only, see the message of an empty database.
        var empty = await client.GetDocumentAsync("/en/policy?database=finance&economy=CAN");
        empty.QuerySelector("main")!.TextContent.ShouldContain("No entry matches");

        await client.GetDocumentAsync("/en/policy?economy=XXX", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ARecordPageCitesItsSourceAndKeepsItsLanguage()
    {
        var client = app.CreateClient();
        var page = await client.GetDocumentAsync("/es/policy/records/test-sen-finance");
        page.QuerySelector("h1")!.GetAttribute("lang").ShouldBe("fr");
        page.QuerySelector("main")!.TextContent.ShouldContain(Fixture);
        page.QuerySelector("p.note")!.TextContent.ShouldContain("Français");

        var shipped = await client.GetDocumentAsync("/en/policy/records/package-civ-idb");
        shipped.QuerySelector("main")!.TextContent.ShouldContain("2024 Annual Report");
        shipped.QuerySelector("main")!.TextContent.ShouldContain("paragraph 3.5");

        var script = await client.GetStringAsync("/en/policy/records/test-nzl-aeo", Ct);
        script.ShouldNotContain("<script>alert(1)");

        await client.GetDocumentAsync("/en/policy/records/no-such-entry", HttpStatusCode.NotFound);
        await client.GetProblemAsync("/api/v1/policy/records/no-such-entry", HttpStatusCode.NotFound);
    }
}
