using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Accounts;

// API tokens for automatic transmission, as an official manages them on the Tokens page.
public partial class TokenTests(AppFixture app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An empty transmission: refused as a file (422), which proves the token itself was accepted.
    static HttpRequestMessage Transmission(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/economies/RWA/tariff-transmissions?validFrom=2027-01-01&currency=RWF")
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task ATokenIsShownOnceStoredHashedRecordsItsUseAndIsRefusedTheMomentItIsRevoked()
    {
        var official = await TestAccounts.CreateAsync(app.Services, "RwandaOfficial", economies: "RWA");
        var browser = await TestAccounts.SignedInClientAsync(app.Factory, official);
        var api = app.CreateClient();

        var created = await browser.PostFormAsync("/en/account/tokens?handler=create", new() { ["economy"] = "RWA", ["name"] = "Customs export" }, "/en/account/tokens");
        var secret = TokenPattern().Match(await created.Content.ReadAsStringAsync(Ct)).Value;
        secret.ShouldNotBeEmpty();

        var listed = await browser.GetStringAsync("/en/account/tokens", Ct);
        listed.ShouldNotContain(secret, Case.Sensitive, "shown once only");
        listed.ShouldContain(secret[..10]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.ApiTokens.SingleAsync(t => t.Name == "Customs export" && t.EconomyIso3 == "RWA", Ct);
        stored.TokenHash.ShouldNotContain(secret[4..]);
        stored.LastUsedAt.ShouldBeNull();

        (await api.SendAsync(Transmission(secret), Ct)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await db.ApiTokens.SingleAsync(t => t.Id == stored.Id, Ct)).LastUsedAt.ShouldNotBeNull();

        var revoked = await browser.PostFormAsync("/en/account/tokens?handler=revoke", new() { ["id"] = stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/en/account/tokens");
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await api.SendAsync(Transmission(secret), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("revoked");
        (await db.AuditEntries.Where(e => e.Subject == $"api-token/{stored.Id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct))
            .ShouldBe(["api-token.created", "api-token.revoked"]);
    }

    [Fact]
    public async Task ForgedAndMalformedTokensAreRefused()
    {
        var api = app.CreateClient();
        foreach (var token in new[] { "t4m_" + new string('A', 43), "not-a-token", "t4m_" + new string('x', 500), "Basic dXNlcjpwYXNz" })
        {
            (await api.SendAsync(Transmission(token), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, token);
        }
    }

    [GeneratedRegex(@"t4m_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();
}
