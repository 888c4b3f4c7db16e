using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Content;

namespace Trade4Msmes.Tests.Portal;

// An editor corrects a page from the web: checked before it is published, shown to every reader and every
// instance at once, recorded in the audit log, and undone by returning to the shipped text. It changes what all
// readers see, so it runs alone.
[Collection(RunsAlone.Name)]
public class CorrectionTests(AppFixture app)
{
    const string Edit = "/fr/admin/content/edit?collection=roadmap&slug=duties-and-taxes&language=fr";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Field(string html, string name) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector($"[name={name}]")!.TextContent;

    [Fact]
    public async Task AnEditorCorrectsAPageReadersSeeItAndItCanBeUndone()
    {
        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "ContentEditor", editor: true));
        var reader = app.CreateClient();
        var shipped = Field(await editor.GetStringAsync(Edit, Ct), "text");
        var shippedTitle = (await reader.GetDocumentAsync("/fr/roadmap/duties-and-taxes")).QuerySelector("h1")!.TextContent;
        shipped.ShouldContain($"title: {shippedTitle}");

        // A correction that would leave a link leading nowhere is refused, and what was typed is kept.
        var broken = shipped + "\nVoir [nulle part](stop:nowhere).\n";
        using var refused = await editor.PostFormAsync(Edit, new() { ["text"] = broken, ["note"] = "Lien", ["action"] = "publish" }, formPage: Edit);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedPage = await refused.Content.ReadAsStringAsync(Ct);
        refusedPage.ShouldContain("stop:nowhere");
        Field(refusedPage, "text").ShouldBe(broken);

        // A preview shows the page as it would be, and stores nothing.
        var corrected = shipped.Replace($"title: {shippedTitle}", "title: Droits de douane et taxes (corrigé)", StringComparison.Ordinal);
        using var preview = await editor.PostFormAsync(Edit, new() { ["text"] = corrected, ["note"] = "", ["action"] = "preview" }, formPage: Edit);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await preview.Content.ReadAsStringAsync(Ct)).ShouldContain("id=\"preview\"");
        (await CorrectionsAsync()).ShouldBeEmpty();

        using var published = await editor.PostFormAsync(Edit, new() { ["text"] = corrected, ["note"] = "Titre plus clair", ["action"] = "publish" }, formPage: Edit);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.OriginalString.ShouldBe("/fr/roadmap/duties-and-taxes");
        (await reader.GetDocumentAsync("/fr/roadmap/duties-and-taxes")).QuerySelector("h1")!.TextContent.ShouldBe("Droits de douane et taxes (corrigé)");
        (await reader.GetDocumentAsync("/fr/roadmap")).QuerySelector("ol.roadmap")!.TextContent.ShouldContain("(corrigé)");
        (await reader.GetDocumentAsync("/en/roadmap/duties-and-taxes")).QuerySelector("h1")!.TextContent.ShouldNotContain("corrigé");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Another instance, with its own copy of the shipped content, sees it at its next request.
            ContentSource.Embedded().Current(db).Find("roadmap", "duties-and-taxes")!.In("fr").Title.ShouldBe("Droits de douane et taxes (corrigé)");
            var audit = await db.AuditEntries.Where(a => a.Subject == "content roadmap/duties-and-taxes.fr").OrderBy(a => a.Id).ToListAsync(Ct);
            audit.Select(a => a.Action).ShouldBe(["content.corrected"]);
            audit[0].NewValues!.ShouldContain("Titre plus clair");
        }

        using var reverted = await editor.PostFormAsync(Edit.Replace("edit?", "edit?handler=revert&", StringComparison.Ordinal), [], formPage: Edit);
        reverted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await reader.GetDocumentAsync("/fr/roadmap/duties-and-taxes")).QuerySelector("h1")!.TextContent.ShouldBe(shippedTitle);
        (await CorrectionsAsync()).Select(c => c.Text is null).ShouldBe([false, true]);
    }

    [Fact]
    public async Task OnlyEditorsCorrectPages()
    {
        var reader = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "NotAnEditor"));
        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "ContentEditor2", editor: true));

        (await reader.GetAsync(Edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.CreateClientWithoutRedirects().GetAsync(Edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await editor.GetDocumentAsync("/fr/admin/content/edit?collection=roadmap&slug=nowhere&language=fr", HttpStatusCode.NotFound);
        await editor.GetDocumentAsync("/fr/admin/content/edit?collection=roadmap&slug=duties-and-taxes&language=de", HttpStatusCode.NotFound);
        var list = await editor.GetDocumentAsync("/fr/admin/content");
        list.QuerySelectorAll($"a[href='{Edit}']").Length.ShouldBe(1);
        (await editor.GetDocumentAsync("/fr/roadmap/duties-and-taxes")).QuerySelector($"a[href='{Edit}']").ShouldNotBeNull("editors see where to correct a page");
    }

    async Task<List<ContentCorrection>> CorrectionsAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentCorrections.AsNoTracking()
            .Where(c => c.Slug == "duties-and-taxes").OrderBy(c => c.Id).ToListAsync(Ct);
    }
}
