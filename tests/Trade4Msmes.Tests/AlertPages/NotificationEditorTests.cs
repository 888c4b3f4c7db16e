using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.AlertPages;

// The editors' pages: a notification typed in by hand, and a file uploaded; both all or nothing, editors only.
public class NotificationEditorTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Symbol() => $"G/TBT/N/KEN/{Random.Shared.Next(10_000, 99_999)}";

    [Fact]
    public async Task AnEditorAddsANotificationByHandAndItIsPublishedAtOnce()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "Editor", editor: true);
        var client = await TestAccounts.SignedInClientAsync(app.Factory, editor);
        var symbol = Symbol();

        var response = await client.PostFormAsync("/en/notifications/new", new()
        {
            ["documentSymbol"] = symbol.ToLowerInvariant(),
            ["area"] = "TBT",
            ["notificationType"] = "Regular",
            ["notifyingMember"] = "KEN",
            ["distributionDate"] = "2026-11-20",
            ["commentDeadlineDate"] = "2027-01-19",
            ["title"] = "Standards for packaged water (test fixture)",
            ["description"] = "First paragraph.\nSecond line; with a semicolon.",
            ["hsCodes"] = "2201\n220110",
            ["language"] = "en",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/en/notifications/{symbol}");
        var stored = await FindAsync(symbol);
        stored.ShouldNotBeNull();
        stored.Description.ShouldBe("First paragraph.\nSecond line; with a semicolon.");
        stored.HsCodes.ShouldBe("2201 220110");
        stored.Source.ShouldBe("entered by an editor");
        (await client.GetStringAsync($"/en/notifications/{symbol}", Ct)).ShouldContain("Standards for packaged water");
    }

    [Fact]
    public async Task AFormWithProblemsListsThemAndStoresNothing()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "Editor", editor: true);
        var client = await TestAccounts.SignedInClientAsync(app.Factory, editor);
        var symbol = Symbol();

        var response = await client.PostFormAsync("/en/notifications/new", new()
        {
            ["documentSymbol"] = symbol,
            ["area"] = "SPS",
            ["notifyingMember"] = "KEN",
            ["distributionDate"] = "20 November 2026",
            ["title"] = "",
            ["hsCodes"] = "999999",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("does not agree with the symbol");
        html.ShouldContain("is not a date as YYYY-MM-DD");
        html.ShouldContain("999999 is not an HS 2022 or HS 2017 code");
        (await FindAsync(symbol)).ShouldBeNull();
    }

    [Fact]
    public async Task AnUploadedFileIsImportedWholeOrNotAtAll()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, "Editor", editor: true);
        var client = await TestAccounts.SignedInClientAsync(app.Factory, editor);
        var (good, bad) = (Symbol(), Symbol());
        var csv = "documentSymbol,notifyingMember,distributionDate,title,hsCodes\n"
            + $"{good},Kenya,2026-11-20,Honey labelling (test fixture),0409\n"
            + $"{bad},Kenya,2026-11-20,Tea grading (test fixture),0902;12x\n";

        var refused = await UploadAsync(client, csv);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var report = await refused.Content.ReadAsStringAsync(Ct);
        report.ShouldContain("Nothing was stored");
        report.ShouldContain("<td>3</td><td>hsCodes</td>");
        (await FindAsync(good)).ShouldBeNull("one bad line stops the whole file");

        var accepted = await UploadAsync(client, csv.Replace(";12x", "", StringComparison.Ordinal));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync(Ct)).ShouldContain("Imported: 2 new notifications, 0 updated.");
        (await FindAsync(good)).ShouldNotBeNull();
        (await FindAsync(bad)).ShouldNotBeNull();
    }

    [Fact]
    public async Task OnlyEditorsReachTheEditorsPages()
    {
        var official = await TestAccounts.CreateAsync(app.Services, "Official", economies: "KEN");
        var client = await TestAccounts.SignedInClientAsync(app.Factory, official);
        (await client.GetAsync("/en/notifications/new", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/en/notifications/import", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var anonymous = app.CreateClientWithoutRedirects();
        (await anonymous.GetAsync("/en/notifications/import", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/en/notifications/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "notifications.csv");
        form.Add(new StringContent(""), "format");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/en/notifications/import", form, Ct);
    }

    async Task<Notification?> FindAsync(string symbol)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.FirstOrDefaultAsync(n => n.DocumentSymbol == symbol, Ct);
    }
}
