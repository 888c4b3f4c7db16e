using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.EndToEnd.Infrastructure;

// Officials and editors made directly in the site's database (roles are granted by editors, a step not under test
// here).
public static class TestAccountsForBrowser
{
    public static Task<string> CreateOfficialAsync(Site site, string economy) =>
        CreateAsync(site, $"Official of {economy}", new AccountRole { Role = Role.EconomyOfficial, EconomyIso3 = economy, GrantedAt = DateTime.UtcNow });

    public static Task<string> CreateEditorAsync(Site site) =>
        CreateAsync(site, "Editor", new AccountRole { Role = Role.Editor, GrantedAt = DateTime.UtcNow });

    static async Task<string> CreateAsync(Site site, string name, AccountRole role)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var account = new Account
        {
            Email = $"account-{Guid.NewGuid():N}@example.org",
            DisplayName = name,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmedAt = now,
            CreatedAt = now,
            Roles = [role],
        };
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, "four random words here");
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Email;
    }
}
