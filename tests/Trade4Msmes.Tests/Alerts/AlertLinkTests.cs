using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Features.Alerts;

namespace Trade4Msmes.Tests.Alerts;

// An app of its own (no reference data needed) whose clock the link tests move forward. Every test mints its
// tokens from the clock as it finds it, so the order the tests run in does not matter.
public sealed class AlertLinkApp : IAsyncLifetime
{
    readonly TestDatabase database = TestDatabase.Create();

    public AppFactory Factory { get; private set; } = null!;

    public FixedTimeProvider Clock => Factory.Clock!;

    public AlertLinks Links => Factory.Services.GetRequiredService<AlertLinks>();

    public ValueTask InitializeAsync()
    {
        Factory = new AppFactory(database, loadReferenceData: false, today: new DateOnly(2026, 11, 20));
        Factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await database.DisposeAsync();
    }
}

public class AlertLinkTests(AlertLinkApp app) : IClassFixture<AlertLinkApp>
{
    AlertLinks Links => app.Links;

    [Theory]
    [InlineData(AlertLink.Confirm)]
    [InlineData(AlertLink.Manage)]
    [InlineData(AlertLink.Unsubscribe)]
    public void ATokenReadsBackAsItsIdForItsOwnPurpose(AlertLink link)
    {
        var token = Links.Token(link, 4217);

        Links.Read(link, token).ShouldBe((4217, (AlertLinkProblem?)null));
    }

    [Theory]
    [InlineData(AlertLink.Confirm, AlertLink.Unsubscribe)]
    [InlineData(AlertLink.Confirm, AlertLink.Manage)]
    [InlineData(AlertLink.Manage, AlertLink.Unsubscribe)]
    [InlineData(AlertLink.Unsubscribe, AlertLink.Manage)]
    public void ATokenForAnotherPurposeIsInvalid(AlertLink minted, AlertLink read)
    {
        var token = Links.Token(minted, 7);

        Links.Read(read, token).Problem.ShouldBe(AlertLinkProblem.Invalid);
    }

    [Fact]
    public void ATamperedTokenIsInvalid()
    {
        var token = Links.Token(AlertLink.Unsubscribe, 7);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Links.Read(AlertLink.Unsubscribe, tampered).ShouldBe((0, AlertLinkProblem.Invalid));
        Links.Read(AlertLink.Unsubscribe, token[..^4]).ShouldBe((0, AlertLinkProblem.Invalid));
        Links.Read(AlertLink.Unsubscribe, token + "AAAA").ShouldBe((0, AlertLinkProblem.Invalid));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-token")]
    [InlineData("Unsubscribe:7:99999999999")]
    public void SomethingThatIsNotATokenIsInvalid(string? token)
    {
        Links.Read(AlertLink.Unsubscribe, token).ShouldBe((0, AlertLinkProblem.Invalid));
    }

    [Fact]
    public void AnOverlongTokenIsInvalidWithoutBeingRead()
    {
        Links.Read(AlertLink.Unsubscribe, new string('A', 1001)).Problem.ShouldBe(AlertLinkProblem.Invalid);
    }

    [Fact]
    public void TextSignedForAnotherPurposeOfTheAppIsInvalid()
    {
        var other = app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Trade4Msmes.Something.Else");
        var forged = other.Protect($"Unsubscribe:7:{app.Clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        Links.Read(AlertLink.Unsubscribe, forged).ShouldBe((0, AlertLinkProblem.Invalid));
    }

    [Theory]
    [InlineData(AlertLink.Confirm, 7)]
    [InlineData(AlertLink.Manage, 30)]
    [InlineData(AlertLink.Unsubscribe, 400)]
    public void ATokenWorksForItsLifetimeAndThenExpires(AlertLink link, int days)
    {
        AlertLinks.Lifetime(link).ShouldBe(TimeSpan.FromDays(days));
        var token = Links.Token(link, 99);

        app.Clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1));
        var justBefore = Links.Read(link, token);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var justAfter = Links.Read(link, token);

        justBefore.ShouldBe((99, (AlertLinkProblem?)null));
        justAfter.ShouldBe((99, AlertLinkProblem.Expired));
    }

    [Fact]
    public void ALinkCarriesATokenForItsPurposeAndLanguage()
    {
        var url = new Uri(Links.Url(AlertLink.Manage, 12, "fr"));

        url.GetLeftPart(UriPartial.Path).ShouldBe("http://localhost/fr/alerts/manage");
        var token = Uri.UnescapeDataString(url.Query["?token=".Length..]);
        Links.Read(AlertLink.Manage, token).ShouldBe((12, (AlertLinkProblem?)null));
    }
}
