using Trade4Msmes.EndToEnd.Infrastructure;

namespace Trade4Msmes.EndToEnd.Journeys;

public class AccountJourney(Site site)
{
    const string Password = "four random words here";

    [Fact]
    public async Task KeyboardUserSignsUpConfirmsThroughTheEmailSignsInAndSignsOut()
    {
        var email = $"trader-{Guid.NewGuid():N}@example.org";
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/");

        await journey.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }));
        await journey.PressAsync("Enter", new Regex("/en/account/sign-in$"));
        await journey.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Create an account", Exact = true }));
        await journey.PressAsync("Enter", new Regex("/en/account/sign-up$"));
        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }));
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Wanjiru Kamau");
        await journey.TabToAsync(page.GetByLabel(new Regex("^Password")));
        await page.Keyboard.TypeAsync(Password);
        await journey.PressAsync("Enter", new Regex(@"/en/account/sign-up\?sent=1$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"We have sent an email to {email}");

        // The email, as the SMTP server received it.
        var message = await site.Mail.WaitForAsync(email);
        message.Subject.ShouldBe("Confirm your Trade4MSMEs account");
        await journey.GotoAsync(new Uri(message.FirstLink("/account/confirm")).PathAndQuery);
        await journey.TabToAsync(page.GetByLabel("Enter the password you chose when signing up"));
        await page.Keyboard.TypeAsync(Password);
        await journey.PressAsync("Enter", new Regex(@"/en/account\?confirmed=1$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Wanjiru Kamau");

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });
        await journey.TabToAsync(signOut);
        await journey.PressAsync("Enter", new Regex("/en/$"));
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Sign in");

        await journey.GotoAsync("/en/account/sign-in");
        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }));
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await journey.PressAsync("Enter", new Regex("/en/account$"));
        await journey.TabToAsync(signOut);
        await journey.PressAsync("Enter", new Regex("/en/$"));
        await journey.GotoAsync("/en/account/sign-in?returnUrl=%2Fen%2Faccount");
    }

    [Fact]
    public async Task AnOfficialWritesADraftAndSubmitsItForReview()
    {
        var official = await TestAccountsForBrowser.CreateOfficialAsync(site, "UGA");
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/account/sign-in");
        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }));
        await page.Keyboard.TypeAsync(official);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await journey.PressAsync("Enter", new Regex("/en/account$"));

        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Submissions", Exact = true }), new Regex("/en/submissions$"));
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "New MSME contact point for UGA" }), new Regex("/en/submissions/new"));
        await page.GetByLabel(new Regex("^Organisation")).FillAsync("Uganda Export Promotion Board");
        await page.GetByLabel(new Regex("^What it helps MSMEs with")).FillAsync("Export requirements and market information");
        await page.GetByLabel(new Regex("^Details")).FillAsync("Open **weekdays**.");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }), new Regex(@"/en/submissions/\d+\?done=saved$"));
        await Expect(page.Locator("dd strong")).ToHaveTextAsync("weekdays");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }), new Regex(@"/en/submissions/\d+\?done=submitted$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted: an editor will review it.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Waiting for an editor's review.");
    }
}
