using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Tests.Accounts;

// Reads what the app queued for sending (the outbox is the app's own table; EmailTests checks that what is
// queued reaches a real SMTP server).
public static partial class Outbox
{
    public static async Task<List<OutboxMessage>> ToAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OutboxMessages.Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    // The path and query of the last queued link to this address containing the given path, e.g. "/account/confirm".
    public static async Task<string> LinkAsync(IServiceProvider services, string email, string path)
    {
        var messages = await ToAsync(services, email);
        var link = messages.Select(m => LinkPattern().Matches(m.TextBody).Select(x => x.Value).LastOrDefault(u => u.Contains(path, StringComparison.Ordinal)))
            .LastOrDefault(l => l is not null) ?? throw new InvalidOperationException($"No {path} link queued for {email}.");
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
