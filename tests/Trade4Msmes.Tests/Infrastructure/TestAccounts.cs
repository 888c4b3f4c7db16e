using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;

namespace Trade4Msmes.Tests.Infrastructure;

// Accounts for tests, made through the app's own tables and services, and signed in through the real form.
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A confirmed account with the given roles (economies make it an official of each) and a unique address.
    public static async Task<Account> CreateAsync(IServiceProvider services, string label, bool editor = false, params string[] economies)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var account = new Account
        {
            Email = $"{label.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org",
            DisplayName = label,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmedAt = now,
            CreatedAt = now,
            Roles = [new AccountRole { Role = Role.Subscriber, GrantedAt = now }],
        };
        if (editor)
        {
            account.Roles.Add(new AccountRole { Role = Role.Editor, GrantedAt = now });
        }
        foreach (var economy in economies)
        {
            account.Roles.Add(new AccountRole { Role = Role.EconomyOfficial, EconomyIso3 = economy, GrantedAt = now });
        }
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, Password);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);
        return account;
    }

    // A cookie-keeping client, not following redirects, signed in as the account through the sign-in form.
    public static async Task<HttpClient> SignedInClientAsync(WebApplicationFactory<Program> factory, Account account, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/en/account/sign-in", new() { ["email"] = account.Email, ["password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }

    // An API token of a new official of the economy.
    public static async Task<string> TransmissionTokenAsync(IServiceProvider services, string economy)
    {
        var official = await CreateAsync(services, $"Official{economy}", economies: economy);
        await using var scope = services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(Caller.From(official), economy, "Test system", Ct);
        return secret;
    }

    // Posts a form the way a browser does: first GETs the page for its antiforgery field (and cookie), then
    // posts the fields with it. formPage is the page showing the form when it is not the action itself.
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string action, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? action.Split('?')[0]);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page, Ct);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} ({(int)response.StatusCode}) has no form with an antiforgery token.");
    }
}
