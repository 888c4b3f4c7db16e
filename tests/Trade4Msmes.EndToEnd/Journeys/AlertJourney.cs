using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.EndToEnd.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.EndToEnd.Journeys;

public class AlertJourney(Site site)
{
    [Fact]
    public async Task KeyboardUserAsksForAlertsOnAProductConfirmsFromTheEmailAndStopsThem()
    {
        var email = $"exporter-{Guid.NewGuid():N}@example.org";
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/hs/2022/090121");

        await journey.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Get alerts on this product" }));
        await journey.PressAsync("Enter", new Regex(@"/en/alerts\?products=090121$"));
        await Expect(page.GetByLabel(new Regex("^Products"))).ToHaveValueAsync("090121");
        // A radio group is one tab stop, on the chosen option; arrows change the choice.
        await journey.TabToAsync(page.GetByRole(AriaRole.Radio, new() { Name = "Daily digest" }));
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Weekly digest" })).ToBeCheckedAsync();
        await journey.TabToAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Email address" }));
        await page.Keyboard.TypeAsync(email);
        await journey.PressAsync("Enter", new Regex(@"/en/alerts\?sent=1$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);

        var message = await site.Mail.WaitForAsync(email);
        message.Subject.ShouldBe("Confirm your Trade4MSMEs alert");
        await journey.GotoAsync(new Uri(message.FirstLink("/alerts/confirm")).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("090121");
        await journey.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Confirm and start the alert" }));
        await journey.PressAsync("Enter", new Regex(@"/en/alerts/manage\?done=confirmed&token="));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your alert is confirmed");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "How often" })).ToHaveValueAsync("weekly");

        await journey.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Stop all alerts" }));
        await journey.PressAsync("Enter", new Regex(@"/en/alerts/manage\?done=unsubscribed&token="));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are unsubscribed");
    }

    [Fact]
    public async Task VisitorSearchesNotificationsAndOpensOne()
    {
        var symbol = $"G/SPS/N/KEN/{Random.Shared.Next(10_000, 99_999)}";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            // A fictional notification, written for this test.
            var json = $$"""
                [{ "documentSymbol": "{{symbol}}", "area": "SPS", "notifyingMember": "Kenya", "distributionDate": "2026-11-02",
                   "commentDeadlineDate": "2099-01-01", "title": "Maximum residue limits for avocados (test fixture)",
                   "productsFreeText": "Fresh avocados", "hsCodes": ["080440"] }]
                """;
            var report = await scope.ServiceProvider.GetRequiredService<NotificationStore>()
                .ImportAsync(System.Text.Encoding.UTF8.GetBytes(json), json: true, new Actor("test"), "test fixture", TestContext.Current.CancellationToken);
            report.Problems.ShouldBeEmpty();
        }
        await using var journey = await Journey.StartAsync(site);
        var page = journey.Page;
        await journey.GotoAsync("/en/");

        await journey.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Notifications" }), new Regex("/en/notifications$"));
        await journey.TabToAsync(page.GetByRole(AriaRole.Searchbox, new() { Name = "Words" }));
        await page.Keyboard.TypeAsync("avocados");
        await journey.PressAsync("Enter", new Regex(@"/en/notifications\?q=avocados"));
        await journey.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = symbol }), new Regex("/en/notifications/G/SPS/N/KEN/"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Fresh avocados");
        await journey.GotoAsync("/fr/notifications?open=true");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(symbol);
    }
}
