using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.PolicyDatabases;

// `import policy --file`: every row checked, all stored or none, a second import replacing the first at the same
// addresses, and a reload of the shipped entries leaving imported ones alone. The entries are fictional, for
// Lesotho (LSO), which no other test names; the class runs alone because it adds entries others count.
[Collection(RunsAlone.Name)]
public sealed class PolicyImportTests(AppFixture app) : IDisposable
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Header = "key,database,economy,agreement,category,title,text,language,year,date,source_symbol,source_location,source_url,parties,provider";
    readonly string directory = Directory.CreateTempSubdirectory("policy-import-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    async Task<(int Exit, string Output)> ImportAsync(params string[] rows)
    {
        var file = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, [Header, .. rows], Ct);
        var output = new StringWriter();
        var exit = await PolicyImportCommand.RunAsync(app.Services, ["import", "policy", "--file", file], output, Ct);
        return (exit, output.ToString());
    }

    async Task<List<PolicyRecord>> LesothoAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PolicyRecords.Where(r => r.EconomyIso3 == "LSO").OrderBy(r => r.Key).ToListAsync(Ct);
    }

    static string Row(string key, string text, string economy = "LSO", string category = "loan", string database = "finance") =>
        $"{key},{database},{economy},,{category},Credit line for women-owned firms,\"{text}\",en,2024,,FICTIONAL TEST FIXTURE,,,,Basotho Enterprise Bank";

    [Fact]
    public async Task AFileIsStoredWholeOrNotAtAllAndASecondImportReplacesTheFirst()
    {
        var (exit, output) = await ImportAsync(
            Row("test-lso-credit", "Loans at reduced rates for firms led by women."),
            Row("test-lso-training", "Courses on <script>alert(1)</script> export finance.", category: "training"));
        exit.ShouldBe(0, output);
        output.ShouldContain("Imported 2 new policy entries, updated 0.");
        var first = await LesothoAsync();
        first.Select(r => r.Key).ShouldBe(["test-lso-credit", "test-lso-training"]);
        first.ShouldAllBe(r => r.ImportedFrom!.Contains(".csv"));
        (await app.CreateClient().GetJsonAsync("/api/v1/policy/search?q=reduced+rates&economy=LSO")).GetProperty("total").GetInt32().ShouldBe(1);
        (await app.CreateClient().GetStringAsync("/en/policy/records/test-lso-training", Ct)).ShouldNotContain("<script>alert(1)");

        // Every kind of bad row is reported by its line, and nothing of the file is stored.
        (exit, output) = await ImportAsync(
            Row("test-lso-credit", "Changed, but the file is refused."),
            Row("test-lso-unknown", "An economy that does not exist.", economy: "XXX"),
            Row("test-lso-item", "A checklist item that does not exist.", category: "9z", database: "tpr"),
            Row("test-lso-huge", new string('x', 10_000_000)),
            Row("tpr-can-12", "A shipped entry's key."),
            "test-lso-short,finance");
        exit.ShouldBe(1);
        output.ShouldContain("Nothing was imported");
        output.ShouldContain("line 3: economy \"XXX\" is not the ISO3 code of a known economy.");
        output.ShouldContain("line 4: category \"9z\" does not exist in tpr");
        output.ShouldContain("line 5: text is required, at most 20,000 characters.");
        output.ShouldContain("line 7: title is required");
        (await LesothoAsync()).Select(r => r.Text).ShouldBe(first.Select(r => r.Text));

        // A file whose rows are all valid but which reuses a shipped key is refused as a whole too.
        (exit, output) = await ImportAsync(Row("test-lso-credit", "Changed."), Row("tpr-can-12", "A shipped entry's key."));
        exit.ShouldBe(1);
        output.ShouldContain("line 3: key \"tpr-can-12\" is a shipped entry's");
        (await LesothoAsync()).Single(r => r.Key == "test-lso-credit").Text.ShouldBe(first[0].Text);

        (exit, output) = await ImportAsync(Row("test-lso-credit", "Loans at reduced rates, now also for cooperatives."));
        exit.ShouldBe(0, output);
        output.ShouldContain("Imported 0 new policy entries, updated 1.");
        var second = await LesothoAsync();
        second.Single(r => r.Key == "test-lso-credit").Id.ShouldBe(first[0].Id);
        (await app.CreateClient().GetJsonAsync("/api/v1/policy/search?q=cooperatives&economy=LSO")).GetProperty("total").GetInt32().ShouldBe(1);

        // Reloading the shipped entries (rolled back here, so the other tests keep theirs) leaves imported ones.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await new PolicyData(TimeProvider.System).ClearAsync(db, Ct);
        (await db.PolicyRecords.CountAsync(r => r.Key == "tpr-can-12", Ct)).ShouldBe(0);
        (await db.PolicyRecords.CountAsync(r => r.EconomyIso3 == "LSO", Ct)).ShouldBe(2);
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task AMissingFileOrOptionIsAUsageError()
    {
        var output = new StringWriter();
        (await PolicyImportCommand.RunAsync(app.Services, ["import", "policy"], output, Ct)).ShouldBe(2);
        (await PolicyImportCommand.RunAsync(app.Services, ["import", "policy", "--file", Path.Combine(directory, "none.csv")], output, Ct)).ShouldBe(2);
        output.ToString().ShouldContain("No such file");
    }
}
