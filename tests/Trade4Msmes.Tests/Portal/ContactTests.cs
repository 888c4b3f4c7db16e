using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Tests.Site;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Portal;

// The contact and suggest-a-resource form, and the editors' queue it fills.
public class ContactTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<List<ContactMessage>> MessagesAsync(string subject)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContactMessages.Where(m => m.Subject == subject).ToListAsync(Ct);
    }

    [Fact]
    public async Task BadInputIsRefusedFieldByFieldKeepingWhatWasTyped()
    {
        var subject = $"Suggestion {Guid.NewGuid():N}";
        var client = app.CreateClient();

        using var response = await client.PostFormAsync("/fr/contact", new()
        {
            ["about"] = "resource",
            ["name"] = "Awa",
            ["email"] = "not an address",
            ["subject"] = subject,
            ["url"] = "javascript:alert(1)",
            ["text"] = new string('x', 5001),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        page.QuerySelectorAll("#problems li a").Select(a => a.GetAttribute("href")).ShouldBe(["#email", "#url", "#text"]);
        page.QuerySelector("#name")!.GetAttribute("value").ShouldBe("Awa");
        page.QuerySelector("#subject")!.GetAttribute("value").ShouldBe(subject);
        page.QuerySelector("input[name=about][value=resource]")!.HasAttribute("checked").ShouldBeTrue();
        (await MessagesAsync(subject)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ASuggestionReachesTheEditorsQueueAndIsHandledOnce()
    {
        var subject = $"Export guide {Guid.NewGuid():N}";
        var visitor = app.CreateClientWithoutRedirects();

        using var sent = await visitor.PostFormAsync("/es/contact", new()
        {
            ["about"] = "resource",
            ["name"] = "Lucía",
            ["email"] = "Lucia@Example.org",
            ["subject"] = subject,
            ["url"] = "https://www.example.org/guide",
            ["text"] = "Una guía gratuita para exportar.",
        });

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe("/es/contact?sent=1");
        var stored = (await MessagesAsync(subject)).ShouldHaveSingleItem();
        (stored.Kind, stored.Email, stored.Url, stored.Lang, stored.HandledAt).ShouldBe(("resource", "lucia@example.org", "https://www.example.org/guide", "es", (DateTime?)null));

        (await visitor.GetAsync("/en/admin/messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "anonymous visitors are sent to sign in");
        var subscriber = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "Reader"));
        (await subscriber.GetAsync("/en/admin/messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var editor = await TestAccounts.SignedInClientAsync(app.Factory, await TestAccounts.CreateAsync(app.Services, "QueueEditor", editor: true));
        var queue = await editor.GetDocumentAsync("/en/admin/messages");
        queue.QuerySelector("main")!.TextContent.ShouldContain(subject);
        using var handled = await editor.PostFormAsync($"/en/admin/messages?handler=handled&id={stored.Id}", [], formPage: "/en/admin/messages");
        handled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        handled.Headers.Location!.OriginalString.ShouldBe("/en/admin/messages");

        (await MessagesAsync(subject)).Single().HandledAt.ShouldNotBeNull();
        (await editor.GetDocumentAsync("/en/admin/messages")).QuerySelector("main")!.TextContent.ShouldNotContain(subject);
        (await editor.GetDocumentAsync("/en/admin/messages?handled=true")).QuerySelector("main")!.TextContent.ShouldContain(subject);
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Subject == $"contact message {stored.Id}", Ct)).ShouldBe(1);
    }
}
