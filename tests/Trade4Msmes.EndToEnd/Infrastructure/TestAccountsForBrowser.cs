using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.EndToEnd.Infrastructure;

// An official made directly in the site's database (roles are granted by editors, a step not under test here).
public static class TestAccountsForBrowser
{
    public static async Task<string> CreateOfficialAsync(Site site, string economy)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var account = new Account
        {
            Email = $"official-{Guid.NewGuid():N}@example.org",
            DisplayName = $"Official of {economy}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmedAt = now,
            CreatedAt = now,
            Roles = [new AccountRole { Role = Role.EconomyOfficial, EconomyIso3 = economy, GrantedAt = now }],
        };
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, "four random words here");
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Email;
    }
}
